package io.phoenix.metrics.internal;

import io.phoenix.runtime.management.AgentTypeInfo;
import io.phoenix.runtime.management.NodeStatus;
import io.phoenix.runtime.management.RuntimeManagement;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Metrics read at scrape time from the runtime's own counters ({@link RuntimeManagement#types()},
 * {@link RuntimeManagement#status()}) and from the cluster: gauges, counters the runtime already keeps (messages
 * handled/failed, upgrades), which are exact even when runtime events were dropped, and its message latency
 * histograms.
 */
final class RuntimeGauges {

    private final RuntimeManagement runtime;
    private final Supplier<Optional<ClusterView>> cluster;
    private final BooleanSupplier clusterExpected;

    RuntimeGauges(RuntimeManagement runtime, Supplier<Optional<ClusterView>> cluster, BooleanSupplier clusterExpected) {
        this.runtime = runtime;
        this.cluster = cluster;
        this.clusterExpected = clusterExpected;
    }

    /** @return the collectors, labelled with the node's id, for the caller to register (and unregister) */
    List<Collector> collectors() {
        Labels node = Labels.of("node", runtime.nodeId());
        List<Collector> registry = new ArrayList<>();
        gauge(registry, node, "phoenix_agents", "Agents hosted on this node (active, passivated or suspended)",
                cb -> types().forEach(t -> cb.call(t.agents(), t.name())), "type");
        gauge(registry, node, "phoenix_agents_active", "Agents activated now on this node",
                cb -> types().forEach(t -> cb.call(t.activeAgents(), t.name())), "type");
        gauge(registry, node, "phoenix_agent_type_available",
                "1 if the agent type is registered now, 0 if its agents are suspended (bundle gone)",
                cb -> types().forEach(t -> cb.call(t.available() ? 1 : 0, t.name(), t.version())), "type", "version");
        counter(registry, node, "phoenix_messages_handled", "Messages handled successfully by agents of the type",
                cb -> types().forEach(t -> cb.call(t.messagesHandled(), t.name())), "type");
        counter(registry, node, "phoenix_messages_failed",
                "Messages whose turn failed (the agent threw, or the message did not decode)",
                cb -> types().forEach(t -> cb.call(t.messagesFailed(), t.name())), "type");
        counter(registry, node, "phoenix_agent_upgrades",
                "Live upgrades of the type on this node since the runtime started",
                cb -> types().forEach(t -> cb.call(t.upgrades(), t.name())), "type");
        gauge(registry, node, "phoenix_mailbox_depth", "Messages waiting in all mailboxes of this node",
                cb -> cb.call(status().mailboxDepth()));
        gauge(registry, node, "phoenix_dispatcher_threads", "Threads of the executor that runs agent turns",
                cb -> cb.call(status().dispatcherThreads()));
        gauge(registry, node, "phoenix_cluster_nodes",
                "Server nodes in the cluster as this node sees it (1 for a node without the cluster bundle)",
                cb -> clusterNodes().ifPresent(n -> cb.call(n)));
        gauge(registry, node, "phoenix_cluster_joined",
                "1 if this node has joined the cluster's data grid and sees no problem (always 1 when standalone)",
                cb -> cb.call(joined() ? 1 : 0));
        gauge(registry, node, "phoenix_cluster_topology_version",
                "The cluster topology version (grows with joins and leaves)",
                cb -> cluster.get().ifPresent(c -> cb.call(c.topologyVersion())));
        registry.add(new MessageLatencyCollector(runtime));
        return registry;
    }

    private List<AgentTypeInfo> types() {
        return runtime.types();
    }

    private NodeStatus status() {
        return runtime.status();
    }

    Optional<Integer> clusterNodes() {
        Optional<ClusterView> view = cluster.get();
        if (view.isPresent()) {
            return Optional.of(view.get().servers());
        }
        return clusterExpected.getAsBoolean() ? Optional.empty() : Optional.of(1);
    }

    boolean joined() {
        Optional<ClusterView> view = cluster.get();
        return view.map(ClusterView::healthy).orElse(!clusterExpected.getAsBoolean());
    }

    private static void gauge(List<Collector> registry, Labels node, String name, String help,
                              Consumer<GaugeWithCallback.Callback> callback, String... labels) {
        registry.add(GaugeWithCallback.builder().name(name).help(help).labelNames(labels).constLabels(node)
                .callback(callback).build());
    }

    private static void counter(List<Collector> registry, Labels node, String name, String help,
                                Consumer<CounterWithCallback.Callback> callback, String... labels) {
        registry.add(CounterWithCallback.builder().name(name).help(help).labelNames(labels).constLabels(node)
                .callback(callback).build());
    }
}
