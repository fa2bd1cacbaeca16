package io.phoenix.cluster.internal.placement;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Agents this node placed on each node since that node last published its load. Without it, every spawn between two
 * publications would pick the same "least loaded" node.
 */
public final class PendingPlacements {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** @param nodeId a node this node just placed an agent on */
    public void placed(String nodeId) {
        counts.computeIfAbsent(nodeId, ignored -> new LongAdder()).increment();
    }

    /** @param nodeId a node whose new published load now counts those agents */
    public void published(String nodeId) {
        LongAdder count = counts.get(nodeId);
        if (count != null) {
            count.reset();
        }
    }

    /**
     * @param nodeId a node
     * @return agents placed on it since its last publication
     */
    public long count(String nodeId) {
        LongAdder count = counts.get(nodeId);
        return count == null ? 0 : count.sum();
    }
}
