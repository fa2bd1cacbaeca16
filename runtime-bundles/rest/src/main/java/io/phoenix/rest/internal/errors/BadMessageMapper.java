package io.phoenix.rest.internal.errors;

import io.phoenix.agent.api.BadMessageException;
import javax.ws.rs.ext.Provider;

/** {@link BadMessageException} (malformed JSON, message or state that does not fit the type, invalid id): 400 {@code bad_message}. */
@Provider
public class BadMessageMapper extends AgentExceptionMapperBase<BadMessageException> {

    /** @param retryAfterSeconds the Retry-After of 429/503 answers */
    public BadMessageMapper(int retryAfterSeconds) {
        super(400, retryAfterSeconds);
    }
}
