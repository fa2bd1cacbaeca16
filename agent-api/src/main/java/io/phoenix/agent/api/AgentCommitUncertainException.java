package io.phoenix.agent.api;

/**
 * The agent handled the message, but the runtime could not confirm that the new state it committed is durable
 * in the cluster, so the update <em>may or may not</em> have happened: the store failed or did not answer, or
 * this node lost its cluster (it was paused, partitioned or lost quorum) while the commit was in flight.
 *
 * <p>Never a success in disguise: a reply is only ever a success once the new state is stored as the cluster
 * promises. Like a {@linkplain #delivered() delivered} timeout, retrying the same message may apply it twice;
 * read the agent's state first if that matters. The agent itself reloads its last stored state before its next
 * turn, so it never runs ahead of what the cluster holds.
 */
public class AgentCommitUncertainException extends AgentTimeoutException {

    private static final long serialVersionUID = 1L;

    /**
     * @param agentId the agent concerned
     * @param message the description, saying why the commit could not be confirmed
     */
    public AgentCommitUncertainException(String agentId, String message) {
        super(agentId, message, true);
    }

    /** @return {@code "commit_uncertain"} */
    @Override
    public String code() {
        return "commit_uncertain";
    }
}
