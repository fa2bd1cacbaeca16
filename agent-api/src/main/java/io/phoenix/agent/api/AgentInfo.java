package io.phoenix.agent.api;

/**
 * A snapshot of one agent's runtime status.
 *
 * @param id the agent's id
 * @param type the agent's type name
 * @param typeVersion the version of the type its current activation runs, or the one that last
 *     wrote its state when it is not active
 * @param node the id of the node hosting it
 * @param status the agent's status
 * @param mailboxDepth messages waiting in its mailbox
 * @param messagesHandled messages it handled since it was spawned on this node
 */
public record AgentInfo(String id, String type, String typeVersion, String node, AgentStatus status,
                        int mailboxDepth, long messagesHandled) {
}
