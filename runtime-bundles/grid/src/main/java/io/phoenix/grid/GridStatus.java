package io.phoenix.grid;

import java.util.List;
import java.util.Objects;

/**
 * A snapshot of the grid node's state, from {@link GridNode#status()}.
 *
 * @param state where the node is in its life
 * @param nodeId id of this node
 * @param servers number of server nodes in the cluster this node is part of (itself included); 0 unless
 *        {@link State#JOINED}
 * @param lastError the last error worth an operator's attention — why the node failed to start or stopped, a
 *        node refused because of a version or cluster-name mismatch, a foreign node on a discovery address (cleared
 *        when that node is gone) — or {@code null} if there was none since the last (re)start
 * @param foreignNodes discovery addresses of this cluster where something answers that is not a member of
 *        it (typically a node of another Ignite version, which forms a separate cluster without a word), as
 *        {@code host:port}; empty when there are none
 * @param phoenixVersion the Phoenix version this node announces and requires from the others
 * @param igniteVersion the Ignite version this node runs
 */
public record GridStatus(State state, String nodeId, int servers, String lastError, List<String> foreignNodes,
        String phoenixVersion, String igniteVersion) {

    /** Life of the grid node. */
    public enum State {
        /** The Ignite node is starting and joining the cluster; the {@code Ignite} service is not registered. */
        STARTING,
        /** The node runs and is part of a cluster; the {@code Ignite} service is registered. */
        JOINED,
        /**
         * The node runs but sees fewer servers than {@code quorum.size}: this side of a split cluster must not serve
         * agents the other side may be serving, so the {@code Ignite} service is withdrawn (the runtime drops its
         * activations and refuses requests) until enough servers are back, or the node rejoins the other side.
         */
        NO_QUORUM,
        /**
         * The node could not start or join (see {@link GridStatus#lastError()}), or stopped on a critical
         * failure. It stays down until the configuration changes or the grid bundle restarts — except after a
         * segmentation, when it rejoins by itself ({@code rejoin.after.segmentation}).
         */
        FAILED,
        /** The node was stopped on purpose (the grid bundle is stopping). */
        STOPPED
    }

    /**
     * Copies the list of foreign nodes.
     *
     * @throws NullPointerException if {@code state}, {@code nodeId} or {@code foreignNodes} is {@code null}
     */
    public GridStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nodeId, "nodeId");
        foreignNodes = List.copyOf(foreignNodes);
    }

    /**
     * Whether the node is part of a cluster and nothing is wrong: joined, and no foreign node seen.
     *
     * @return {@code true} if healthy
     */
    public boolean healthy() {
        return state == State.JOINED && foreignNodes.isEmpty();
    }
}
