package io.phoenix.rest.internal.resources;

import io.phoenix.rest.internal.errors.RestException;
import io.phoenix.runtime.management.AgentTypeInfo;
import io.phoenix.runtime.management.RuntimeManagement;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** {@code /api/types}: the agent types this node knows, with their versions and counters. */
@Path("types")
@Produces(MediaType.APPLICATION_JSON)
public final class TypesResource {

    private final RuntimeManagement management;

    /** @param management the local runtime's management view */
    public TypesResource(RuntimeManagement management) {
        this.management = management;
    }

    /** Every type, available or suspended, sorted by name. */
    @GET
    public List<AgentTypeInfo> list() {
        return management.types();
    }

    /** One type; 404 {@code type_not_found} if this node does not know it. */
    @GET
    @Path("{name}")
    public AgentTypeInfo get(@PathParam("name") String name) {
        return management.type(name).orElseThrow(() -> new RestException(404, "type_not_found",
                "no agent type '" + name + "' is known on this node", null));
    }
}
