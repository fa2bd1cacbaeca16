package io.phoenix.rest.internal.errors;

import io.phoenix.agent.api.AgentAlreadyExistsException;
import javax.ws.rs.ext.Provider;

/** {@link AgentAlreadyExistsException} (spawn of a taken id): 409 {@code agent_exists}. */
@Provider
public class AgentAlreadyExistsMapper extends AgentExceptionMapperBase<AgentAlreadyExistsException> {

    /** @param retryAfterSeconds the Retry-After of 429/503 answers */
    public AgentAlreadyExistsMapper(int retryAfterSeconds) {
        super(409, retryAfterSeconds);
    }
}
