package io.phoenix.rest.internal.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * {@code /api/openapi.json}: the OpenAPI 3 description of this API (a file of this bundle, checked against the
 * resource classes by a unit test). Readable without credentials.
 */
@Path("openapi.json")
public final class OpenApiResource {

    /** Where the description is, next to this class. */
    public static final String DOCUMENT = "openapi.json";

    private final byte[] document;

    /** Loads the description once. */
    public OpenApiResource() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " missing from the bundle");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The description. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] get() {
        return document.clone();
    }
}
