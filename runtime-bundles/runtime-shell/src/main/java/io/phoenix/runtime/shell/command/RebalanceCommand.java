package io.phoenix.runtime.shell.command;

import io.phoenix.cluster.ClusterManagement;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code phoenix:rebalance}: has every node hand off the agents placement no longer puts on it. */
@Service
@Command(scope = "phoenix", name = "rebalance", description = "Has every node re-check where its agents belong and hand off the misplaced ones.")
public class RebalanceCommand extends ClusterCommandSupport {

    @Override
    protected void runOn(Object cluster) throws Exception {
        int handedOff = await(audited("rebalance", "cluster", () -> ((ClusterManagement) cluster).rebalance()), CLUSTER_TIMEOUT);
        out().println("Rebalanced: " + handedOff + " agents handed off");
    }
}
