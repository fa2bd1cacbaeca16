package io.phoenix.rest.internal.errors;

import io.phoenix.agent.api.AgentNotFoundException;
import javax.ws.rs.ext.Provider;

/** {@link AgentNotFoundException} (unknown agent id): 404 {@code agent_not_found}. */
@Provider
public class AgentNotFoundMapper extends AgentExceptionMapperBase<AgentNotFoundException> {

    /** @param retryAfterSeconds the Retry-After of 429/503 answers */
    public AgentNotFoundMapper(int retryAfterSeconds) {
        super(404, retryAfterSeconds);
    }
}
