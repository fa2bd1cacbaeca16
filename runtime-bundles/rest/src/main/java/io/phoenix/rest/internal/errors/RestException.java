package io.phoenix.rest.internal.errors;

/**
 * A request the REST layer itself rejects (bad parameter, oversized body, unknown type, missing credentials...):
 * carries the HTTP status and the error body. Mapped by {@link RestExceptionMapper}.
 */
public class RestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String agentId;

    /**
     * @param status the HTTP status
     * @param code the error code
     * @param message the description
     * @param agentId the agent concerned, or {@code null}
     */
    public RestException(int status, String code, String message, String agentId) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.agentId = agentId;
    }

    /** 400 with the given code. */
    public static RestException badRequest(String code, String message) {
        return new RestException(400, code, message, null);
    }

    /** 400 {@code body_too_large}: a request body over the configured limit. */
    public static RestException bodyTooLarge(long maxBytes) {
        return new RestException(400, "body_too_large",
                "the request body is larger than " + maxBytes + " bytes (body.max.bytes)", null);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the error code */
    public String code() {
        return code;
    }

    /** @return the agent concerned, or {@code null} */
    public String agentId() {
        return agentId;
    }
}
