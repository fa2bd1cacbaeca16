package io.phoenix.metrics.internal;

import java.util.List;

/**
 * The cluster as the metrics and health endpoints need it, free of the cluster bundle's types so that this bundle
 * runs (and its classes load) on a node without the cluster bundle.
 *
 * @param state the data grid's state: {@code STARTING}, {@code JOINED}, {@code NO_QUORUM}, {@code FAILED} or
 *     {@code STOPPED} (the grid's states)
 * @param servers server nodes in the topology
 * @param topologyVersion the topology version
 * @param problems what is wrong; empty when healthy
 */
record ClusterView(String state, int servers, long topologyVersion, List<String> problems) {

    ClusterView {
        problems = List.copyOf(problems);
    }

    /** @return whether this node has joined the grid and sees no problem */
    boolean healthy() {
        return "JOINED".equals(state) && problems.isEmpty();
    }
}
