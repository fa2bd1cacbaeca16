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
 */
public record NodeInfo(String id, String address, boolean local, long agents, double cpuLoad, long heapUsedBytes,
                       long heapMaxBytes, String health) {
}
