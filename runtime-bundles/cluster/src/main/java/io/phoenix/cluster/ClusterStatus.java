package io.phoenix.cluster;

import java.util.List;

/**
 * The cluster as this node sees it.
 *
 * @param localNodeId this node's id
 * @param state the data grid's state: {@code STARTING}, {@code JOINED}, {@code FAILED} or {@code STOPPED}
 * @param servers server nodes in the topology
 * @param topologyVersion the topology version (grows with every join and leave)
 * @param backups backup copies of each agent's state
 * @param synchronousReplication whether a state change is acknowledged only once every backup has it
 * @param partitions affinity partitions agents are spread over
 * @param problems what is wrong, e.g. nodes of another version; empty when healthy
 */
public record ClusterStatus(String localNodeId, String state, int servers, long topologyVersion, int backups,
                            boolean synchronousReplication, int partitions, List<String> problems) {

    /** Copies the problem list. */
    public ClusterStatus {
        problems = List.copyOf(problems);
    }
}
