package io.phoenix.cluster.internal;

import io.phoenix.grid.GridNode;
import java.util.Collection;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterGroup;
import org.apache.ignite.cluster.ClusterNode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Decides whether a confirmed grid write may be acknowledged, from what this node knows of its own membership.
 *
 * <p>A synchronous write completes once every owner of its partition <em>in this node's view</em> has it. A node
 * that is cut off, or wakes from a pause, drops the others from its view one by one: for a while it may still see
 * enough servers for its quorum while it already is the only owner of some partitions, and a write there completes
 * on this node alone — on the minority side, which the majority never sees. So a write counts as stored only if,
 * when it completed, this node saw its quorum of servers <em>and</em> no server has left since the topology at which
 * the cluster last confirmed this node's membership ({@link #confirmed}, kept by {@link OwnershipLeaseKeeper}: at
 * every tick while only joins happened, and after a departure once other servers answered a ping). A node that
 * merely lost a peer (kill -9 elsewhere) is confirmed again within one ping; writes completing meanwhile are
 * reported as unconfirmed, never as stored.
 */
@Component(service = CommitGuard.class)
public class CommitGuard {

    @Reference
    Ignite ignite;

    @Reference
    GridNode grid;

    private ClusterGroup servers;
    private volatile long confirmedTopology;

    @Activate
    void activate() {
        servers = ignite.cluster().forServers();
        confirmedTopology = ignite.cluster().topologyVersion();
    }

    /** @return how many servers this node sees now */
    int servers() {
        return servers.nodes().size();
    }

    /** @return the current topology version of this node's view */
    long topologyVersion() {
        return ignite.cluster().topologyVersion();
    }

    /** The cluster confirmed this node's membership as of {@code topologyVersion} (never moves back). */
    void confirmed(long topologyVersion) {
        if (topologyVersion > confirmedTopology) {
            confirmedTopology = topologyVersion;
        }
    }

    /**
     * @return why a write completing now cannot be trusted to be on the cluster's majority, or {@code null} if it can
     */
    String distrust() {
        String shortfall = quorumShortfall();
        return shortfall != null ? shortfall : departedSinceConfirmed();
    }

    /** @return why this node cannot serve writes now (fewer servers than its quorum), or {@code null} */
    String quorumShortfall() {
        int quorum = grid.quorumSize();
        if (quorum > 0) {
            int seen = servers();
            if (seen < quorum) {
                return "this node sees " + seen + " server(s), fewer than its quorum of " + quorum
                        + ": the write may exist only on this side of a split cluster";
            }
        }
        return null;
    }

    /**
     * @return which server left since this node's membership was last confirmed, or {@code null} if none did
     */
    String departedSinceConfirmed() {
        long confirmed = confirmedTopology;
        if (ignite.cluster().topologyVersion() == confirmed) {
            return null;
        }
        Collection<ClusterNode> then = ignite.cluster().topology(confirmed);
        if (then == null) {
            return "the topology changed too often since this node's membership was last confirmed (version "
                    + confirmed + ")";
        }
        for (ClusterNode node : then) {
            if (!node.isClient() && ignite.cluster().node(node.id()) == null) {
                return "server " + AgentCaches.nodeId(node) + " left this node's view since its membership was last"
                        + " confirmed: this node cannot tell yet whether it or that node was cut off";
            }
        }
        return null;
    }
}
