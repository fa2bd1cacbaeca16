package io.phoenix.cluster.internal;

import io.phoenix.grid.GridNode;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterGroup;

/**
 * Decides whether a confirmed grid write may be acknowledged. A synchronous write completes once every backup
 * <em>in this node's view</em> has it; when this node is cut off or wakes from a pause, its view drops the other
 * nodes and a pending write then completes with no backup at all — on this side of a split cluster only, which
 * the majority never sees. So a write counts as stored only if, when it completed, this node still saw its quorum
 * of servers and had not lost most of the servers it saw when the write began.
 */
final class CommitGuard {

    private final GridNode grid;
    private final ClusterGroup servers;

    CommitGuard(Ignite ignite, GridNode grid) {
        this.grid = grid;
        this.servers = ignite.cluster().forServers();
    }

    /** @return how many servers this node sees now */
    int servers() {
        return servers.nodes().size();
    }

    /**
     * @param serversAtStart what {@link #servers()} said when the write began
     * @return why a write completing now cannot be trusted to be on the cluster's majority, or {@code null} if it can
     */
    String distrust(int serversAtStart) {
        int now = servers();
        int quorum = grid.quorumSize();
        if (quorum > 0 && now < quorum) {
            return "this node sees " + now + " server(s), fewer than its quorum of " + quorum
                    + ": the write may exist only on this side of a split cluster";
        }
        if (now <= serversAtStart / 2) {
            return "this node lost " + (serversAtStart - now) + " of the " + serversAtStart
                    + " servers it saw while the write was in flight: it may exist only on this node's side";
        }
        return null;
    }
}
