package io.phoenix.rest.internal.resources;

import java.io.IOException;
import java.io.InputStream;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;

/**
 * Reads and discards what is left of a request body the API answered without reading (401, 404, oversized, ...) before
 * the answer goes out.
 *
 * <p>Why: a server that closes a connection while request bytes are still unread makes the kernel send a TCP reset,
 * and a reset that overtakes the answer destroys it on the client side: the client sees "connection reset" or an
 * empty response instead of the JSON error. Reading the rest keeps the answer intact and the connection reusable.
 * Past {@link #DISCARD_LIMIT_BYTES} the body is not worth reading; the answer then says {@code Connection: close}.
 */
public final class UnreadBodyFilter implements ContainerResponseFilter {

    /** The most unread body bytes discarded to keep a connection (as Tomcat's default swallow limit, a bit more). */
    public static final long DISCARD_LIMIT_BYTES = 8L * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getLength() == 0) {
            return;
        }
        if (request.getLength() > DISCARD_LIMIT_BYTES || !discard(request.getEntityStream())) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }

    /** @return whether the body ended within the limit */
    static boolean discard(InputStream in) {
        if (in == null) {
            return true;
        }
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > DISCARD_LIMIT_BYTES) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false; // the client went away or sent a broken chunk: the connection is done for anyway
        }
    }
}
