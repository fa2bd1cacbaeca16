package io.phoenix.runtime.spi;

import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The local runtime as cluster bundles and transports see it, registered as an OSGi service by the
 * runtime. Transports deliver inbound requests here; the cluster bundle calls the rest when the
 * topology changes. Implemented by the runtime.
 */
@ProviderType
public interface AgentHost {

    /**
     * @return this node's id
     */
    String nodeId();

    /**
     * Serves a request from another node.
     *
     * @param fromNode the sending node
     * @param request the request
     * @return the reply; never fails (failures are replies)
     */
    CompletionStage<RemoteReply> handle(String fromNode, RemoteRequest request);

    /**
     * Re-checks the placement of every agent active here and releases those now placed elsewhere,
     * handing their queued messages on to the new owner (after a node joined, or after migration).
     *
     * @return the number of agents released, once they all are
     */
    CompletionStage<Integer> rehome();

    /**
     * Ends every activation on this node at once, without saving state or touching the directory:
     * this node lost the cluster (segmentation), so another node may already run its agents, and the
     * state it holds may be stale. Queued messages are failed with a retryable error.
     *
     * @param reason why, for the log
     * @return the number of activations dropped
     */
    int dropAll(String reason);

    /**
     * @return the number of agents active (or passivated, or suspended) on this node
     */
    long localAgents();

    /**
     * Sets this node's ownership lease: until {@code validUntilNanos} (a {@link System#nanoTime()} value) the node
     * may run turns of the agents it holds and answer for them. Once it lapses — the cluster bundle did not renew it
     * in time, because this process was paused or cannot confirm that it is still a member — no turn runs here:
     * messages wait (or are failed as retryable by {@link #dropAll}), and a turn that was under way when the lease
     * lapsed is not answered as a success. The cluster bundle renews it while membership is certain; a single node
     * has no lease ({@link Long#MAX_VALUE}, the value after the cluster services go away).
     *
     * @param validUntilNanos the deadline, compared with {@link System#nanoTime()}; {@link Long#MAX_VALUE}: no limit
     */
    void leaseUntil(long validUntilNanos);

    /**
     * Tells the runtime whether this node belongs to a cluster that is not attached yet (the cluster bundle is
     * installed; the grid is starting, rejoining or waiting for quorum). Meanwhile an agent that is not active here
     * may well exist on the cluster, so the runtime answers a message to it with a retryable "unavailable", never
     * with "not found".
     *
     * @param expected {@code true} while the cluster bundle is installed
     */
    void expectCluster(boolean expected);

    /**
     * Publishes a cluster event (node joined or left, partition detected) to the runtime's event
     * listeners, next to the runtime's own events.
     *
     * @param kind the event kind
     * @param attributes details, e.g. {@code node}
     */
    void publish(io.phoenix.runtime.management.RuntimeEvent.Kind kind, java.util.Map<String, String> attributes);
}
