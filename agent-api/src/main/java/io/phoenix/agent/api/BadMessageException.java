package io.phoenix.agent.api;

/**
 * The message, state or id is malformed, too large, or does not fit the agent type.
 */
public class BadMessageException extends AgentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param agentId the agent concerned, or {@code null}
     * @param message the description
     */
    public BadMessageException(String agentId, String message) {
        super(agentId, message, null);
    }

    /**
     * @param agentId the agent concerned, or {@code null}
     * @param message the description
     * @param cause the cause
     */
    public BadMessageException(String agentId, String message, Throwable cause) {
        super(agentId, message, cause);
    }

    /** @return {@code false} */
    @Override
    public boolean retryable() {
        return false;
    }

    /** @return {@code "bad_message"} */
    @Override
    public String code() {
        return "bad_message";
    }
}
