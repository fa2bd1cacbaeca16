package io.phoenix.rest.internal.errors;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every error answer: {@code {"error":"agent_not_found","message":"...","agentId":"a-1",
 * "retryable":false}}. {@code agentId} and {@code delivered} (call timeouts only) are left out when they do not
 * apply. Never carries a stack trace.
 *
 * @param error a short machine-readable code ({@code AgentException.code()} for runtime failures)
 * @param message a human-readable description
 * @param agentId the agent concerned, or {@code null}
 * @param retryable whether sending the same request again later may succeed
 * @param delivered for {@code timeout}: whether the agent may have handled the message
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, String message, String agentId, boolean retryable, Boolean delivered) {

    /** An error without agent and delivery information. */
    public static ErrorBody of(String error, String message, boolean retryable) {
        return new ErrorBody(error, message, null, retryable, null);
    }
}
