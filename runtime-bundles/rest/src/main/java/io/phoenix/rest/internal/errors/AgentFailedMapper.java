package io.phoenix.rest.internal.errors;

import io.phoenix.agent.api.AgentFailedException;
import javax.ws.rs.ext.Provider;

/** {@link AgentFailedException}: the agent's own code threw while handling a valid request (its turn was rolled back and it was restarted). 500 {@code agent_failed}: the failure is the server side's (application code), not the client's, so not a 4xx; the body carries the agent's message, never a stack trace. */
@Provider
public class AgentFailedMapper extends AgentExceptionMapperBase<AgentFailedException> {

    /** @param retryAfterSeconds the Retry-After of 429/503 answers */
    public AgentFailedMapper(int retryAfterSeconds) {
        super(500, retryAfterSeconds);
    }
}
