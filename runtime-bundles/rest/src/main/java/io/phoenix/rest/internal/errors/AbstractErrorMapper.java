package io.phoenix.rest.internal.errors;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

/**
 * The shared base of every exception mapper of the API: one subclass per exception type chooses the status and
 * the error body; this class builds the JSON answer (with {@code Retry-After} where the subclass gives one).
 *
 * @param <E> the exception type mapped
 */
public abstract class AbstractErrorMapper<E extends Throwable> implements ExceptionMapper<E> {

    /** Seconds a client should wait before retrying a 429/503 answer. */
    private final int retryAfterSeconds;

    /** @param retryAfterSeconds the Retry-After of retryable answers (429, 503) */
    protected AbstractErrorMapper(int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public final Response toResponse(E exception) {
        int status = status(exception);
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(exception));
        if (status == 429 || status == 503) {
            answer.header("Retry-After", String.valueOf(retryAfterSeconds));
        }
        decorate(exception, answer);
        return answer.build();
    }

    /** @return the HTTP status for this exception */
    protected abstract int status(E exception);

    /** @return the JSON error body for this exception */
    protected abstract ErrorBody body(E exception);

    /** Adds headers, e.g. {@code Allow} or {@code WWW-Authenticate}; nothing by default. */
    protected void decorate(E exception, Response.ResponseBuilder answer) {
    }

    /** A message never null, never multi-line (no stack traces, no nested causes' dumps). */
    protected static String text(Throwable t, String fallback) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return fallback;
        }
        int newline = message.indexOf('\n');
        String line = newline >= 0 ? message.substring(0, newline) : message;
        return line.length() > 500 ? line.substring(0, 500) + "..." : line;
    }
}
