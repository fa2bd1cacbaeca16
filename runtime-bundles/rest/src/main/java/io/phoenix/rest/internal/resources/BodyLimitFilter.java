package io.phoenix.rest.internal.resources;

import io.phoenix.rest.internal.errors.RestException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

/**
 * Rejects a body whose declared {@code Content-Length} is over the limit before anything reads it; bodies without
 * a length (chunked) are cut off by {@link Bodies#read} while they are read. Either way the 400 goes out after
 * {@link UnreadBodyFilter} has discarded the rest of the body.
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
            throw RestException.bodyTooLarge(maxBytes);
        }
    }
}
