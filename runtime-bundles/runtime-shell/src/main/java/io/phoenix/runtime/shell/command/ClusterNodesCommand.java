package io.phoenix.runtime.shell.command;

import io.phoenix.cluster.ClusterManagement;
import io.phoenix.cluster.NodeInfo;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code phoenix:cluster-nodes}: the cluster's server nodes with their agents, load and health. */
@Service
@Command(scope = "phoenix", name = "cluster-nodes", description = "Lists the cluster's nodes: address, agents hosted, load and health.")
public class ClusterNodesCommand extends ClusterCommandSupport {

    /** Printed for a figure a node did not report. */
    static final String UNKNOWN = "-";

    private static final long MEGABYTE = 1024 * 1024;

    @Option(name = "--no-format", description = "Disable table rendered output")
    boolean noFormat;

    @Override
    protected void runOn(Object cluster) {
        ShellTable table = new ShellTable().emptyTableText("No nodes");
        table.column("ID");
        table.column("Address");
        table.column("Local");
        table.column("Agents").alignRight();
        table.column("CPU %").alignRight();
        table.column("Heap used/max (MB)").alignRight();
        table.column("Health");
        table.column("Attributes");
        for (NodeInfo node : ((ClusterManagement) cluster).nodes()) {
            table.addRow().addContent(node.id(), node.address(), node.local() ? "*" : "",
                    node.agents() < 0 ? UNKNOWN : node.agents(), percent(node.cpuLoad()),
                    megabytes(node.heapUsedBytes()) + "/" + megabytes(node.heapMaxBytes()), node.health(),
                    attributes(node.attributes()));
        }
        table.print(out(), !noFormat);
    }

    /** @return a load of 0 to 1 as a percentage with one decimal, or {@value #UNKNOWN} if negative */
    static String percent(double load) {
        return load < 0 ? UNKNOWN : String.format(Locale.ROOT, "%.1f", load * 100);
    }

    /** @return {@code key=value} pairs separated by commas, in key order */
    static String attributes(java.util.Map<String, String> attributes) {
        return new java.util.TreeMap<>(attributes).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** @return whole megabytes, or {@value #UNKNOWN} if negative */
    static String megabytes(long bytes) {
        return bytes < 0 ? UNKNOWN : Long.toString(bytes / MEGABYTE);
    }
}
