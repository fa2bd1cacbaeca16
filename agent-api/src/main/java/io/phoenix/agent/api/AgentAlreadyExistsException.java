package io.phoenix.agent.api;

/**
 * An agent with the given id already exists (spawn).
 */
public class AgentAlreadyExistsException extends AgentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param agentId the agent concerned, or {@code null}
     * @param message the description
     */
    public AgentAlreadyExistsException(String agentId, String message) {
        super(agentId, message, null);
    }

    /**
     * @param agentId the agent concerned, or {@code null}
     * @param message the description
     * @param cause the cause
     */
    public AgentAlreadyExistsException(String agentId, String message, Throwable cause) {
        super(agentId, message, cause);
    }

    /** @return {@code false} */
    @Override
    public boolean retryable() {
        return false;
    }

    /** @return {@code "agent_exists"} */
    @Override
    public String code() {
        return "agent_exists";
    }
}
