package io.phoenix.agent.api;

/**
 * The agent exists but cannot be reached right now: the node hosting it left the cluster or is
 * unreachable, or the agent is moving between nodes. The message was not handled; retry shortly, once
 * the cluster has re-placed the agent.
 */
public class AgentUnavailableException extends AgentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param agentId the agent concerned
     * @param message the description
     */
    public AgentUnavailableException(String agentId, String message) {
        super(agentId, message, null);
    }

    /**
     * @param agentId the agent concerned
     * @param message the description
     * @param cause the cause
     */
    public AgentUnavailableException(String agentId, String message, Throwable cause) {
        super(agentId, message, cause);
    }

    /** @return {@code true} */
    @Override
    public boolean retryable() {
        return true;
    }

    /** @return {@code "agent_unavailable"} */
    @Override
    public String code() {
        return "agent_unavailable";
    }
}
