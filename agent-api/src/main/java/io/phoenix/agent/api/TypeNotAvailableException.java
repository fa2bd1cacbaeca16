package io.phoenix.agent.api;

/**
 * The agent type is not registered: its bundle is not installed, stopped, or being upgraded. Retry once the type is back.
 */
public class TypeNotAvailableException extends AgentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param agentId the agent concerned, or {@code null}
     * @param message the description
     */
    public TypeNotAvailableException(String agentId, String message) {
        super(agentId, message, null);
    }

    /**
     * @param agentId the agent concerned, or {@code null}
     * @param message the description
     * @param cause the cause
     */
    public TypeNotAvailableException(String agentId, String message, Throwable cause) {
        super(agentId, message, cause);
    }

    /** @return {@code true} */
    @Override
    public boolean retryable() {
        return true;
    }

    /** @return {@code "type_not_available"} */
    @Override
    public String code() {
        return "type_not_available";
    }
}
