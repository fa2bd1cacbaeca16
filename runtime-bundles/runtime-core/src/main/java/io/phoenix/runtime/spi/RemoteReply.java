package io.phoenix.runtime.spi;

import io.phoenix.agent.api.AgentException;

/**
 * The answer to a {@link RemoteRequest}: a JSON payload, or a failure described by the code of the
 * {@link AgentException} it stands for.
 *
 * @param payload the reply as JSON, or {@code null}
 * @param errorCode {@code null} on success, else an {@link AgentException#code()}
 * @param errorMessage the failure's message, or {@code null}
 * @param delivered for a {@code timeout} failure: whether the agent may have handled the message
 */
public record RemoteReply(String payload, String errorCode, String errorMessage, boolean delivered) {

    /**
     * @param payload the reply as JSON, or {@code null}
     * @return a successful reply
     */
    public static RemoteReply ok(String payload) {
        return new RemoteReply(payload, null, null, false);
    }

    /**
     * @param error the failure
     * @return a failed reply carrying the failure's code and message
     */
    public static RemoteReply failure(AgentException error) {
        boolean delivered = error instanceof io.phoenix.agent.api.AgentTimeoutException timeout && timeout.delivered();
        return new RemoteReply(null, error.code(), error.getMessage(), delivered);
    }

    /**
     * @return whether this reply is a success
     */
    public boolean succeeded() {
        return errorCode == null;
    }
}
