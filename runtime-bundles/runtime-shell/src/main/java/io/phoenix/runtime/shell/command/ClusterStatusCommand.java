package io.phoenix.runtime.shell.command;

import io.phoenix.cluster.ClusterManagement;
import io.phoenix.cluster.ClusterStatus;
import io.phoenix.grid.GridStatus;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code phoenix:cluster-status}: the cluster as this node sees it, and what is wrong with it. */
@Service
@Command(scope = "phoenix", name = "cluster-status", description = "Shows the cluster's state, topology, replication settings and problems.")
public class ClusterStatusCommand extends ClusterCommandSupport {

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    @Override
    protected void runOn(Object cluster) {
        ClusterStatus status = ((ClusterManagement) cluster).status();
        ShellTable table = propertyTable();
        table.addRow().addContent("Node", status.localNodeId());
        table.addRow().addContent("State", status.state());
        table.addRow().addContent("Servers", status.servers());
        table.addRow().addContent("Topology version", status.topologyVersion());
        table.addRow().addContent("Backups", status.backups());
        table.addRow().addContent("Replication", status.synchronousReplication() ? "synchronous" : "asynchronous");
        table.addRow().addContent("Partitions", status.partitions());
        if (status.problems().isEmpty()) {
            table.addRow().addContent("Problems", "none");
        }
        for (String problem : status.problems()) {
            table.addRow().addContent("Problems", problem);
        }
        table.print(out(), !noFormat);
    }

    /**
     * Without the cluster services the grid may still run — waiting for a quorum, rejoining after a segmentation, or
     * failed: its own status says which, so the operator need not read the log.
     */
    @Override
    protected void withoutCluster() throws Exception {
        Object status = GridStatusLookup.status(bundleContext);
        if (status == null) {
            super.withoutCluster();
            return;
        }
        GridStatus grid = (GridStatus) status;
        ShellTable table = propertyTable();
        table.addRow().addContent("Node", grid.nodeId());
        table.addRow().addContent("State", grid.state());
        table.addRow().addContent("Servers", grid.servers());
        table.addRow().addContent("Problems", "the cluster services are not running: this node serves no agents");
        if (grid.lastError() != null) {
            table.addRow().addContent("Problems", grid.lastError());
        }
        table.print(out(), !noFormat);
    }
}
