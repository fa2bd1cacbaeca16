package io.phoenix.rest.internal;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The cluster as the REST API shows it. Implemented over {@code io.phoenix.cluster.ClusterManagement} when the
 * cluster bundle is there ({@code osgi.ClusterViewComponent}); without it {@code /api/cluster} reports this node
 * alone. Keeps the optional cluster API out of every other class of this bundle.
 */
public interface ClusterView {

    /** @return the nodes and the cluster's state */
    ClusterReport report();

    /**
     * Moves an agent to a node and pins it there.
     *
     * @param agentId the agent
     * @param nodeId the target node
     * @return where the agent is placed once released; failed with {@link IllegalArgumentException} for an
     *     unknown node or agent
     */
    CompletionStage<Migration> migrate(String agentId, String nodeId);

    /**
     * @param localNode this node's id
     * @param clustered whether the cluster bundle runs
     * @param state the grid's state ({@code JOINED}, ...) or {@code STANDALONE}
     * @param topologyVersion the topology version, 0 when standalone
     * @param nodes the server nodes
     * @param problems what is wrong; empty when healthy
     */
    record ClusterReport(String localNode, boolean clustered, String state, long topologyVersion, List<Node> nodes,
                         List<String> problems) {
        /** Copies the lists. */
        public ClusterReport {
            nodes = List.copyOf(nodes);
            problems = List.copyOf(problems);
        }
    }

    /**
     * @param id the node id
     * @param address its discovery address, or {@code null}
     * @param local whether it is this node
     * @param agents agents it hosts, -1 if it did not answer
     * @param health {@code up}, {@code unreachable} or {@code overloaded}
     * @param cpuLoad recent CPU load 0..1, -1 if unknown
     * @param heapUsedBytes heap in use
     * @param heapMaxBytes heap limit
     * @param attributes the node's attributes (placement policies select nodes by them)
     */
    record Node(String id, String address, boolean local, long agents, String health, double cpuLoad,
                long heapUsedBytes, long heapMaxBytes, java.util.Map<String, String> attributes) {
    }

    /**
     * @param agentId the agent
     * @param node the node it is placed (and pinned) on now
     * @param heldBy the node holding its activation, or {@code null}
     * @param pinned whether it is pinned there
     */
    record Migration(String agentId, String node, String heldBy, boolean pinned) {
    }
}
