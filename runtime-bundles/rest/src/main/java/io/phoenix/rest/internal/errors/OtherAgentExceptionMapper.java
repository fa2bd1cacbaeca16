package io.phoenix.rest.internal.errors;

import io.phoenix.agent.api.AgentException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.Provider;

/**
 * Any other {@link AgentException} (a subclass added to the API later): 503 with Retry-After when it is
 * retryable, else 500, with its own code. Jersey picks the mapper of the closest type, so the specific mappers
 * win over this one.
 */
@Provider
public class OtherAgentExceptionMapper extends AbstractErrorMapper<AgentException> {

    /** @param retryAfterSeconds the Retry-After of 503 answers */
    public OtherAgentExceptionMapper(int retryAfterSeconds) {
        super(retryAfterSeconds);
    }

    @Override
    protected int status(AgentException exception) {
        return exception.retryable() ? Response.Status.SERVICE_UNAVAILABLE.getStatusCode()
                : Response.Status.INTERNAL_SERVER_ERROR.getStatusCode();
    }

    @Override
    protected ErrorBody body(AgentException exception) {
        return new ErrorBody(exception.code(), text(exception, exception.code()), exception.agentId(),
                exception.retryable(), null);
    }
}
