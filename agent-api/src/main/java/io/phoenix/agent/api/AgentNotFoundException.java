package io.phoenix.agent.api;

/**
 * No agent with the given id exists.
 */
public class AgentNotFoundException extends AgentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param agentId the agent concerned, or {@code null}
     * @param message the description
     */
    public AgentNotFoundException(String agentId, String message) {
        super(agentId, message, null);
    }

    /**
     * @param agentId the agent concerned, or {@code null}
     * @param message the description
     * @param cause the cause
     */
    public AgentNotFoundException(String agentId, String message, Throwable cause) {
        super(agentId, message, cause);
    }

    /** @return {@code false} */
    @Override
    public boolean retryable() {
        return false;
    }

    /** @return {@code "agent_not_found"} */
    @Override
    public String code() {
        return "agent_not_found";
    }
}
