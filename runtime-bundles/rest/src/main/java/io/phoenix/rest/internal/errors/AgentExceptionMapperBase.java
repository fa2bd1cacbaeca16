package io.phoenix.rest.internal.errors;

import io.phoenix.agent.api.AgentException;

/**
 * The base of the mappers of the runtime's failures: the body is {@code code()}, the message, {@code agentId()}
 * and {@code retryable()} of the exception; each subclass fixes the status of one subclass of
 * {@link AgentException}.
 *
 * @param <E> the runtime failure mapped
 */
public abstract class AgentExceptionMapperBase<E extends AgentException> extends AbstractErrorMapper<E> {

    private final int status;

    /**
     * @param status the HTTP status of this failure
     * @param retryAfterSeconds the Retry-After of 429/503 answers
     */
    protected AgentExceptionMapperBase(int status, int retryAfterSeconds) {
        super(retryAfterSeconds);
        this.status = status;
    }

    @Override
    protected int status(E exception) {
        return status;
    }

    @Override
    protected ErrorBody body(E exception) {
        return new ErrorBody(exception.code(), text(exception, exception.code()), exception.agentId(),
                exception.retryable(), null);
    }
}
