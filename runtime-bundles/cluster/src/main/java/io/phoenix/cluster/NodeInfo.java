package io.phoenix.cluster;

/**
 * A server node of the cluster.
 *
 * @param id the node's id
 * @param address the node's discovery address (host:port)
 * @param local whether it is this node
 * @param agents agents hosted (active, passivated or suspended), or -1 if the node did not answer
 * @param cpuLoad the node's recent CPU load, 0 to 1, or -1 if unknown
 * @param heapUsedBytes heap in use
 * @param heapMaxBytes the heap limit
 * @param health {@code "up"}, {@code "unreachable"} (in the topology but not answering) or {@code "overloaded"}
 * @param attributes the node's attributes ({@code node.attributes}), which placement policies select nodes by
 */
public record NodeInfo(String id, String address, boolean local, long agents, double cpuLoad, long heapUsedBytes,
                       long heapMaxBytes, String health, java.util.Map<String, String> attributes) {

    /** Copies the attributes ({@code null}: none). */
    public NodeInfo {
        attributes = attributes == null ? java.util.Map.of() : java.util.Map.copyOf(attributes);
    }

    /**
     * A node without attributes.
     *
     * @param id the node's id
     * @param address its discovery address
     * @param local whether it is this node
     * @param agents agents hosted, or -1
     * @param cpuLoad recent CPU load, or -1
     * @param heapUsedBytes heap in use
     * @param heapMaxBytes the heap limit
     * @param health its health
     */
    public NodeInfo(String id, String address, boolean local, long agents, double cpuLoad, long heapUsedBytes,
                    long heapMaxBytes, String health) {
        this(id, address, local, agents, cpuLoad, heapUsedBytes, heapMaxBytes, health, java.util.Map.of());
    }
}
