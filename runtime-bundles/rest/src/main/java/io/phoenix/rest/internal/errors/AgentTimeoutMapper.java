package io.phoenix.rest.internal.errors;

import io.phoenix.agent.api.AgentTimeoutException;
import javax.ws.rs.ext.Provider;

/**
 * {@link AgentTimeoutException}: 504 {@code timeout} with {@code delivered} (whether the agent may have handled
 * the message; {@code retryable} is its negation).
 */
@Provider
public class AgentTimeoutMapper extends AgentExceptionMapperBase<AgentTimeoutException> {

    /** @param retryAfterSeconds the Retry-After of 429/503 answers */
    public AgentTimeoutMapper(int retryAfterSeconds) {
        super(504, retryAfterSeconds);
    }

    @Override
    protected ErrorBody body(AgentTimeoutException exception) {
        return new ErrorBody(exception.code(), text(exception, "timeout"), exception.agentId(), exception.retryable(),
                exception.delivered());
    }
}
