package io.phoenix.rest.internal.resources;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

/**
 * Rejects a body whose declared {@code Content-Length} is over the limit before anything reads it; bodies without
 * a length (chunked) are cut off by {@link Bodies#read} while they are read.
 */
@PreMatching
public final class BodyLimitFilter implements ContainerRequestFilter {

    private final int maxBytes;

    /** @param maxBytes the largest body accepted */
    public BodyLimitFilter(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw Bodies.tooLarge(maxBytes);
        }
    }
}
