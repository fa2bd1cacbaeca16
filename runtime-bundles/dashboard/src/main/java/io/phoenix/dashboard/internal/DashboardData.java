package io.phoenix.dashboard.internal;

import io.phoenix.runtime.management.AgentTypeInfo;
import io.phoenix.runtime.management.LatencySnapshot;
import io.phoenix.runtime.management.NodeStatus;
import io.phoenix.runtime.management.RuntimeEvent;
import io.phoenix.runtime.management.RuntimeManagement;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the JSON model of /dashboard/data from the runtime, the cluster (when there is one) and the recent events.
 * Totals, from which the page derives message rates between two polls; latency percentiles, which need the buckets,
 * are computed here, over a recent window ({@link LatencyWindow}) and since the start. The cluster's node list asks
 * every node for its agent count, so it is fetched at most once per {@link #NODES_TTL_MS} whatever the number of
 * viewers.
 */
final class DashboardData {

    static final long NODES_TTL_MS = 1_000;
    static final int EVENTS = 50;
    /**
     * A replication summary older than this means nothing was replicated since: summaries come every second, but
     * only for seconds with writes.
     */
    static final long REPLICATION_STALE_MS = 3_000;

    private final Clock clock;
    private final LatencyWindow latencyWindow = new LatencyWindow();
    private List<Map<String, Object>> cachedNodes;
    private ClusterSource cachedFor;
    private long cachedAt;

    DashboardData(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param runtime the runtime, or null while it is down
     * @param cluster the cluster, or null if it is not (yet) there
     * @param clusterExpected whether the cluster bundle is installed
     * @param events recent events, newest first
     * @param replication the latest STATE_REPLICATED summary, or null
     * @return the model
     */
    Map<String, Object> build(RuntimeManagement runtime, ClusterSource cluster, boolean clusterExpected,
                              List<RuntimeEvent> events, RuntimeEvent replication) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("time", clock.millis());
        NodeStatus status = runtime == null ? null : runtime.status();
        model.put("node", node(status));
        model.put("cluster", cluster(status, cluster, clusterExpected));
        LatencySnapshot total = runtime == null ? null : runtime.messageLatency();
        LatencyWindow.Recent recent = total == null ? null : latencyWindow.advance(
                new LatencyWindow.Sample(clock.millis(), total, runtime.messageLatencyByType()));
        Map<String, LatencySnapshot> recentByType = recent == null ? Map.of() : recent.types();
        model.put("types", runtime == null ? List.of()
                : runtime.types().stream().map(t -> type(t, recentByType.get(t.name()))).toList());
        model.put("events", events.stream().limit(EVENTS).map(DashboardData::event).toList());
        model.put("replication", replication(replication));
        model.put("latency", latency(total, recent));
        return model;
    }

    /** Node-wide percentiles: of the recent window (null on a first poll), and since the runtime started. */
    private static Map<String, Object> latency(LatencySnapshot total, LatencyWindow.Recent recent) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("available", total != null);
        if (total != null) {
            m.put("windowMillis", recent == null ? 0 : recent.millis());
            m.put("recent", recent == null ? null : percentiles(recent.node()));
            m.put("total", percentiles(total));
        }
        return m;
    }

    /** Microseconds, as the page shows them; a histogram with nothing in it has no percentiles. */
    private static Map<String, Object> percentiles(LatencySnapshot latency) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", latency.count());
        if (latency.count() > 0) {
            m.put("p50Micros", latency.p50Nanos() / 1000.0);
            m.put("p99Micros", latency.p99Nanos() / 1000.0);
            m.put("maxMicros", latency.maxNanos() / 1000.0);
        }
        return m;
    }

    private static Map<String, Object> node(NodeStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("up", s != null);
        if (s != null) {
            m.put("id", s.nodeId());
            m.put("startedAt", s.startedAt().toString());
            m.put("types", s.types());
            m.put("agents", s.agents());
            m.put("activeAgents", s.activeAgents());
            m.put("mailboxDepth", s.mailboxDepth());
            m.put("messagesHandled", s.messagesHandled());
            m.put("messagesFailed", s.messagesFailed());
            m.put("dispatcherThreads", s.dispatcherThreads());
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        m.put("heapUsedBytes", heap.getUsed());
        m.put("heapMaxBytes", heap.getMax());
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        m.put("systemLoadAverage", os.getSystemLoadAverage());
        m.put("processors", os.getAvailableProcessors());
        return m;
    }

    private Map<String, Object> cluster(NodeStatus local, ClusterSource cluster, boolean clusterExpected) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (cluster == null) {
            m.put("mode", clusterExpected ? "starting" : "standalone");
            List<Map<String, Object>> nodes = new ArrayList<>();
            if (local != null) {
                Map<String, Object> self = new LinkedHashMap<>();
                self.put("id", local.nodeId());
                self.put("local", true);
                self.put("agents", local.agents());
                self.put("health", clusterExpected ? "joining" : "up");
                nodes.add(self);
            }
            m.put("nodes", nodes);
            return m;
        }
        m.put("mode", "clustered");
        try {
            m.putAll(cluster.status());
            m.put("nodes", nodes(cluster));
        } catch (RuntimeException e) { // the grid stopping under us
            m.put("state", "UNKNOWN");
            m.put("problems", List.of(String.valueOf(e.getMessage())));
            m.put("nodes", List.of());
        }
        return m;
    }

    private synchronized List<Map<String, Object>> nodes(ClusterSource cluster) {
        long now = clock.millis();
        if (cachedNodes == null || cachedFor != cluster || now - cachedAt >= NODES_TTL_MS) {
            cachedNodes = cluster.nodes();
            cachedFor = cluster;
            cachedAt = now;
        }
        return cachedNodes;
    }

    private static Map<String, Object> type(AgentTypeInfo t, LatencySnapshot recentLatency) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("version", t.version());
        m.put("available", t.available());
        m.put("agents", t.agents());
        m.put("activeAgents", t.activeAgents());
        m.put("messagesHandled", t.messagesHandled());
        m.put("messagesFailed", t.messagesFailed());
        m.put("upgrades", t.upgrades());
        m.put("latency", recentLatency == null ? null : percentiles(recentLatency));
        return m;
    }

    /** Rates of the latest replication summary; unavailable on a node that never replicated (e.g. standalone). */
    private Map<String, Object> replication(RuntimeEvent summary) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("available", summary != null);
        if (summary == null) {
            return m;
        }
        boolean fresh = clock.millis() - summary.timestamp().toEpochMilli() <= REPLICATION_STALE_MS;
        Map<String, String> a = summary.attributes();
        double seconds = Math.max(1, number(a.get("periodMillis"), 1000)) / 1000.0;
        m.put("commitsPerSecond", fresh ? number(a.get("commits"), 0) / seconds : 0.0);
        m.put("failuresPerSecond", fresh ? number(a.get("failures"), 0) / seconds : 0.0);
        m.put("maxMillis", fresh ? number(a.get("maxMillis"), 0) : 0.0);
        m.put("at", summary.timestamp().toString());
        return m;
    }

    private static double number(String value, double otherwise) {
        try {
            return value == null ? otherwise : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static Map<String, Object> event(RuntimeEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", e.kind().name());
        m.put("timestamp", e.timestamp().toString());
        m.put("node", e.nodeId());
        m.put("type", e.agentType());
        m.put("agent", e.agentId());
        m.put("attributes", e.attributes());
        return m;
    }
}
