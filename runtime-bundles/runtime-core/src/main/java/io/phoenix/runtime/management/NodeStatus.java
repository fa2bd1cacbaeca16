package io.phoenix.runtime.management;

import java.time.Instant;

/**
 * A snapshot of the local node's runtime.
 *
 * @param nodeId the node's id
 * @param startedAt when the runtime started
 * @param types agent types known (available or suspended)
 * @param agents agents hosted (active, passivated or suspended)
 * @param activeAgents agents activated now
 * @param mailboxDepth messages waiting in all mailboxes
 * @param messagesHandled messages handled successfully
 * @param messagesFailed messages whose turn failed
 * @param dispatcherThreads threads of the shared executor that runs agent turns
 */
public record NodeStatus(String nodeId, Instant startedAt, int types, long agents, long activeAgents,
                         long mailboxDepth, long messagesHandled, long messagesFailed, int dispatcherThreads) {
}
