package io.phoenix.rest.internal.errors;

import java.util.Locale;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.Provider;

/**
 * Jersey's own errors as JSON instead of its HTML/plain pages: unknown path 404 {@code not_found}, wrong method
 * 405 {@code method_not_allowed} (with its {@code Allow} header), 406, 415 and the other
 * {@link WebApplicationException}s with their status. A 5xx from Jersey itself is reported without its message.
 */
@Provider
public class WebApplicationMapper extends AbstractErrorMapper<WebApplicationException> {

    /** @param retryAfterSeconds the Retry-After of 429/503 answers */
    public WebApplicationMapper(int retryAfterSeconds) {
        super(retryAfterSeconds);
    }

    @Override
    protected int status(WebApplicationException exception) {
        Response response = exception.getResponse();
        return response == null ? 500 : response.getStatus();
    }

    @Override
    protected ErrorBody body(WebApplicationException exception) {
        int status = status(exception);
        Response.Status known = Response.Status.fromStatusCode(status);
        String code = known == null ? "http_" + status : known.name().toLowerCase(Locale.ROOT);
        String message = switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed here";
            case 406 -> "this resource answers application/json only";
            case 415 -> "send application/json";
            default -> status >= 500 ? "internal error" : text(exception, code.replace('_', ' '));
        };
        return ErrorBody.of(code, message, status == 429 || status == 503);
    }

    @Override
    protected void decorate(WebApplicationException exception, Response.ResponseBuilder answer) {
        Response response = exception.getResponse();
        if (response != null && response.getHeaderString("Allow") != null) {
            answer.header("Allow", response.getHeaderString("Allow"));
        }
        if (response != null && response.getHeaderString("WWW-Authenticate") != null) {
            answer.header("WWW-Authenticate", response.getHeaderString("WWW-Authenticate"));
        }
    }
}
