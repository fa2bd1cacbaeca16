package io.phoenix.rest.internal.resources;

import io.phoenix.rest.internal.errors.RestException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads request bodies with a size limit, as strict UTF-8. */
public final class Bodies {

    private Bodies() {
    }

    /**
     * @param in the entity stream (may be {@code null})
     * @param maxBytes the limit
     * @return the body as text; empty if there is none
     * @throws RestException 400 {@code body_too_large} past the limit, 400 {@code bad_encoding} for bytes that are
     *     not UTF-8
     */
    public static String read(InputStream in, int maxBytes) {
        if (in == null) {
            return "";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 8192));
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw RestException.bodyTooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw RestException.badRequest("bad_body", "the request body could not be read");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw RestException.badRequest("bad_encoding", "the request body is not UTF-8");
        }
    }

}
