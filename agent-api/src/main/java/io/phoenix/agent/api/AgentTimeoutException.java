package io.phoenix.agent.api;

/**
 * A call got no reply within its timeout. {@link #delivered()} tells whether the agent may have
 * handled the message: if not, the runtime removed it from the mailbox and it will never be
 * handled, so retrying is safe.
 */
public class AgentTimeoutException extends AgentException {

    private static final long serialVersionUID = 1L;

    private final boolean delivered;

    /**
     * @param agentId the agent called
     * @param message the description
     * @param delivered whether the agent had started handling the message when the timeout fired
     */
    public AgentTimeoutException(String agentId, String message, boolean delivered) {
        super(agentId, message, null);
        this.delivered = delivered;
    }

    /**
     * @return {@code true} if the agent started handling the message (its effect may have happened);
     *     {@code false} if the message was withdrawn unhandled
     */
    public boolean delivered() {
        return delivered;
    }

    /** @return {@code true} when the message was withdrawn unhandled, so a retry cannot apply it twice */
    @Override
    public boolean retryable() {
        return !delivered;
    }

    /** @return {@code "timeout"} */
    @Override
    public String code() {
        return "timeout";
    }
}
