package io.phoenix.grid;

import org.osgi.annotation.versioning.ProviderType;

/**
 * This Phoenix node's member of the data grid, registered as an OSGi service by the grid bundle for as long as
 * it is active, whatever the state of the Ignite node (see {@link #status()}). The Ignite node itself is the
 * separate {@code org.apache.ignite.Ignite} service, registered only while it runs.
 *
 * <p>Implemented by the grid bundle only: not meant to be implemented by users.
 */
@ProviderType
public interface GridNode {

    /**
     * The settings the grid node runs with (or, while it starts or after it failed, was last started with).
     * They change only when the configuration of PID {@code io.phoenix.grid} changes, which restarts the node.
     *
     * @return the current settings, never {@code null}
     */
    GridSettings settings();

    /**
     * The state of the grid node now: starting, joined (with the topology size), failed (with the reason) or
     * stopped, and the version conflicts seen with other nodes.
     *
     * @return a snapshot of the status, never {@code null}
     */
    GridStatus status();

    /**
     * The fewest servers this node must see to serve agents ({@code quorum.size} of PID {@code io.phoenix.grid}).
     * Bundles that acknowledge writes check it against the topology when a write completes: a write confirmed
     * while this node saw fewer servers may exist only on this side of a split cluster.
     *
     * @return the quorum size; 0 when no quorum is configured
     */
    int quorumSize();
}
