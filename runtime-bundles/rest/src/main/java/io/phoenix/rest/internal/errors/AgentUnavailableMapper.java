package io.phoenix.rest.internal.errors;

import io.phoenix.agent.api.AgentUnavailableException;
import javax.ws.rs.ext.Provider;

/** {@link AgentUnavailableException} (hosting node gone, agent moving): 503 {@code agent_unavailable} with Retry-After. */
@Provider
public class AgentUnavailableMapper extends AgentExceptionMapperBase<AgentUnavailableException> {

    /** @param retryAfterSeconds the Retry-After of 429/503 answers */
    public AgentUnavailableMapper(int retryAfterSeconds) {
        super(503, retryAfterSeconds);
    }
}
