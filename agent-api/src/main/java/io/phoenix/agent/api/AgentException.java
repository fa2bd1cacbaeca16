package io.phoenix.agent.api;

/**
 * The base of every failure the runtime reports. Each subclass names one cause; {@link #retryable()}
 * tells whether sending the same message again may succeed without changing anything.
 */
public abstract class AgentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String agentId;

    /**
     * @param agentId the agent concerned, or {@code null}
     * @param message the description
     * @param cause the cause, or {@code null}
     */
    protected AgentException(String agentId, String message, Throwable cause) {
        super(message, cause);
        this.agentId = agentId;
    }

    /**
     * @return the id of the agent concerned, or {@code null} if none
     */
    public String agentId() {
        return agentId;
    }

    /**
     * @return whether retrying the same operation later may succeed
     */
    public abstract boolean retryable();

    /**
     * A short machine-readable code for this failure, e.g. {@code "agent_not_found"}, used in JSON
     * error bodies and metrics.
     *
     * @return the error code
     */
    public abstract String code();
}
