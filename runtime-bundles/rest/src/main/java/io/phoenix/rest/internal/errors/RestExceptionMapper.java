package io.phoenix.rest.internal.errors;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.Provider;

/** {@link RestException}: the status and code it carries; 401 answers get {@code WWW-Authenticate}. */
@Provider
public class RestExceptionMapper extends AbstractErrorMapper<RestException> {

    /** The challenge of 401 answers. */
    public static final String CHALLENGE = "Basic realm=\"phoenix\", charset=\"UTF-8\"";

    /** @param retryAfterSeconds the Retry-After of 429/503 answers */
    public RestExceptionMapper(int retryAfterSeconds) {
        super(retryAfterSeconds);
    }

    @Override
    protected int status(RestException exception) {
        return exception.status();
    }

    @Override
    protected ErrorBody body(RestException exception) {
        return new ErrorBody(exception.code(), text(exception, exception.code()), exception.agentId(),
                exception.status() == 429 || exception.status() == 503, null);
    }

    @Override
    protected void decorate(RestException exception, Response.ResponseBuilder answer) {
        if (exception.status() == 401) {
            answer.header("WWW-Authenticate", CHALLENGE);
        }
    }
}
