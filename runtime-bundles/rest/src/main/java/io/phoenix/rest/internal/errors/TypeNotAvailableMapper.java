package io.phoenix.rest.internal.errors;

import io.phoenix.agent.api.TypeNotAvailableException;
import javax.ws.rs.ext.Provider;

/** {@link TypeNotAvailableException} (type suspended or being upgraded): 503 {@code type_not_available} with Retry-After. */
@Provider
public class TypeNotAvailableMapper extends AgentExceptionMapperBase<TypeNotAvailableException> {

    /** @param retryAfterSeconds the Retry-After of 429/503 answers */
    public TypeNotAvailableMapper(int retryAfterSeconds) {
        super(503, retryAfterSeconds);
    }
}
