package io.phoenix.agent.api;

/**
 * The agent's mailbox is at its capacity; the message was not queued. Retry later, or slow down.
 */
public class MailboxFullException extends AgentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param agentId the agent concerned, or {@code null}
     * @param message the description
     */
    public MailboxFullException(String agentId, String message) {
        super(agentId, message, null);
    }

    /**
     * @param agentId the agent concerned, or {@code null}
     * @param message the description
     * @param cause the cause
     */
    public MailboxFullException(String agentId, String message, Throwable cause) {
        super(agentId, message, cause);
    }

    /** @return {@code true} */
    @Override
    public boolean retryable() {
        return true;
    }

    /** @return {@code "mailbox_full"} */
    @Override
    public String code() {
        return "mailbox_full";
    }
}
