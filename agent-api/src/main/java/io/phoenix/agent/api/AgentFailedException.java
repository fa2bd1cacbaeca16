package io.phoenix.agent.api;

/**
 * The agent threw while handling the message. Its state changes in that turn were discarded and it was restarted from its last committed state.
 */
public class AgentFailedException extends AgentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param agentId the agent concerned, or {@code null}
     * @param message the description
     */
    public AgentFailedException(String agentId, String message) {
        super(agentId, message, null);
    }

    /**
     * @param agentId the agent concerned, or {@code null}
     * @param message the description
     * @param cause the cause
     */
    public AgentFailedException(String agentId, String message, Throwable cause) {
        super(agentId, message, cause);
    }

    /** @return {@code false} */
    @Override
    public boolean retryable() {
        return false;
    }

    /** @return {@code "agent_failed"} */
    @Override
    public String code() {
        return "agent_failed";
    }
}
