package io.phoenix.rest.internal.resources;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.phoenix.rest.internal.ClusterView;
import io.phoenix.runtime.management.Listener;
import io.phoenix.runtime.management.NodeStatus;
import io.phoenix.runtime.management.RuntimeManagement;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.function.Supplier;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * {@code /api/cluster}: nodes, their health and agent counts. From {@code ClusterManagement} when the cluster
 * bundle runs; otherwise this node alone ({@code clustered: false}, state {@code STANDALONE}). Also this node's TCP
 * listeners ({@code listeners}: name, address, port, configured), from the runtime's {@code NodeListeners}.
 */
@Path("cluster")
@Produces(MediaType.APPLICATION_JSON)
public final class ClusterResource {

    private final RuntimeManagement management;
    private final Supplier<ClusterView> cluster;
    private final Supplier<List<Listener>> listeners;

    /**
     * The answer: the cluster report's fields, then this node's listeners.
     *
     * @param cluster the cluster as this node sees it
     * @param listeners this node's TCP listeners (empty when unknown)
     */
    public record Report(@JsonUnwrapped ClusterView.ClusterReport cluster, List<Listener> listeners) {
        /** Copies the list. */
        public Report {
            listeners = List.copyOf(listeners);
        }
    }

    /**
     * @param management the local runtime's management view
     * @param cluster the cluster view, or a supplier of {@code null}
     * @param listeners this node's TCP listeners
     */
    public ClusterResource(RuntimeManagement management, Supplier<ClusterView> cluster,
                           Supplier<List<Listener>> listeners) {
        this.management = management;
        this.cluster = cluster;
        this.listeners = listeners;
    }

    /** The cluster as this node sees it, and this node's listeners. */
    @GET
    public Report get() {
        return new Report(cluster(), listeners.get());
    }

    private ClusterView.ClusterReport cluster() {
        ClusterView view = cluster.get();
        if (view != null) {
            return view.report();
        }
        NodeStatus status = management.status();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cpus = Runtime.getRuntime().availableProcessors();
        double cpu = load < 0 ? -1 : Math.min(1.0, load / cpus);
        ClusterView.Node self = new ClusterView.Node(status.nodeId(), null, true, status.agents(), "up", cpu,
                heap.getUsed(), heap.getMax(), java.util.Map.of());
        return new ClusterView.ClusterReport(status.nodeId(), false, "STANDALONE", 0, List.of(self), List.of());
    }
}
