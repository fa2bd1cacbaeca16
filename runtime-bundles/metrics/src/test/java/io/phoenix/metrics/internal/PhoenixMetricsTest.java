package io.phoenix.metrics.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.phoenix.runtime.management.AgentTypeInfo;
import io.phoenix.runtime.management.LatencySnapshot;
import io.phoenix.runtime.management.NodeStatus;
import io.phoenix.runtime.management.RuntimeEvent;
import io.phoenix.runtime.management.RuntimeEvent.Kind;
import io.phoenix.runtime.management.RuntimeManagement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event-to-metric mapping and the scrape-time gauges, read back from the text format as Prometheus would. */
class PhoenixMetricsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final RuntimeManagement runtime = mock(RuntimeManagement.class);
    private final AtomicReference<Optional<ClusterView>> cluster = new AtomicReference<>(Optional.empty());
    private boolean clusterExpected;
    private PhoenixMetrics metrics;
    private AutoCloseable attached;

    @BeforeEach
    void setUp() {
        when(runtime.nodeId()).thenReturn("n1");
        when(runtime.types()).thenReturn(List.of(
                new AgentTypeInfo("counter", "1.0.0", "io.phoenix.example.counter", true, 1, 5, 3, 42, 2, 1)));
        when(runtime.status()).thenReturn(new NodeStatus("n1", T0, 1, 5, 3, 7, 42, 2, 4));
        metrics = new PhoenixMetrics(false);
        attached = metrics.attach(runtime, cluster::get, () -> clusterExpected);
    }

    private static RuntimeEvent event(Kind kind, String agentId, long millis, Map<String, String> attributes) {
        return new RuntimeEvent(kind, T0.plusMillis(millis), "n1", "counter", agentId, attributes);
    }

    private String scrape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        return out.toString(UTF_8);
    }

    /** The value of the sample {@code name{labels}} (labels in exposition order), or NaN if absent. */
    private double value(String text, String sample) {
        Matcher m = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    @Test
    void agentLifecycleEventsCountPerTypeAndReason() throws IOException {
        metrics.onEvent(event(Kind.AGENT_SPAWNED, "a", 0, Map.of()));
        metrics.onEvent(event(Kind.AGENT_STARTED, "a", 3, Map.of("reason", "spawned", "version", "1.0.0")));
        metrics.onEvent(event(Kind.AGENT_PASSIVATED, "a", 10, Map.of()));
        metrics.onEvent(event(Kind.AGENT_STARTED, "a", 20, Map.of("reason", "reactivated")));
        metrics.onEvent(event(Kind.AGENT_RESTARTED, "a", 30, Map.of("error", "boom")));
        metrics.onEvent(event(Kind.AGENT_STOPPED, "a", 40, Map.of()));

        String text = scrape();
        assertEquals(1, value(text, "phoenix_agents_spawned_total{node=\"n1\",type=\"counter\"}"));
        assertEquals(1, value(text, "phoenix_agents_started_total{node=\"n1\",reason=\"spawned\",type=\"counter\"}"));
        assertEquals(1, value(text,
                "phoenix_agents_started_total{node=\"n1\",reason=\"reactivated\",type=\"counter\"}"));
        assertEquals(1, value(text, "phoenix_agents_passivated_total{node=\"n1\",type=\"counter\"}"));
        assertEquals(1, value(text, "phoenix_agents_restarted_total{node=\"n1\",type=\"counter\"}"));
        assertEquals(1, value(text, "phoenix_agents_stopped_total{node=\"n1\",type=\"counter\"}"));
    }

    @Test
    void startupIsMeasuredFromSpawnToStartOfTheSameAgent() throws IOException {
        metrics.onEvent(event(Kind.AGENT_SPAWNED, "a", 0, Map.of()));
        metrics.onEvent(event(Kind.AGENT_SPAWNED, "b", 0, Map.of()));
        metrics.onEvent(event(Kind.AGENT_STARTED, "a", 3, Map.of("reason", "spawned")));
        metrics.onEvent(event(Kind.AGENT_STARTED, "b", 200, Map.of("reason", "spawned")));
        // a re-activation without a duration is not a startup measurement
        metrics.onEvent(event(Kind.AGENT_STARTED, "c", 300, Map.of("reason", "reactivated")));

        String text = scrape();
        assertEquals(2, value(text, "phoenix_agent_startup_seconds_count{node=\"n1\",type=\"counter\"}"));
        assertEquals(0.203, value(text, "phoenix_agent_startup_seconds_sum{node=\"n1\",type=\"counter\"}"), 1e-9);
        assertEquals(1, value(text, "phoenix_agent_startup_seconds_bucket{node=\"n1\",type=\"counter\",le=\"0.005\"}"));
        assertEquals(2, value(text, "phoenix_agent_startup_seconds_bucket{node=\"n1\",type=\"counter\",le=\"0.25\"}"));
        assertEquals(0, metrics.events().pendingStarts());
    }

    @Test
    void aDurationAttributeIsUsedWhenTheRuntimeReportsOne() throws IOException {
        metrics.onEvent(event(Kind.AGENT_STARTED, "a", 0, Map.of("reason", "reactivated", "durationMicros", "1500")));
        String text = scrape();
        assertEquals(1, value(text, "phoenix_agent_startup_seconds_count{node=\"n1\",type=\"counter\"}"));
        assertEquals(0.0015, value(text, "phoenix_agent_startup_seconds_sum{node=\"n1\",type=\"counter\"}"), 1e-9);
    }

    @Test
    void pendingStartsAreBounded() {
        for (int i = 0; i < EventMetrics.MAX_PENDING_STARTS + 100; i++) {
            metrics.onEvent(event(Kind.AGENT_SPAWNED, "x" + i, 0, Map.of()));
        }
        assertEquals(EventMetrics.MAX_PENDING_STARTS, metrics.events().pendingStarts());
    }

    @Test
    void migrationsCountTheDirectionSeenFromThisNode() throws IOException {
        metrics.onEvent(event(Kind.AGENT_MIGRATED, "a", 0, Map.of("from", "n2", "to", "n1")));
        metrics.onEvent(event(Kind.AGENT_MIGRATED, "b", 0, Map.of("from", "n1")));
        metrics.onEvent(event(Kind.AGENT_MIGRATED, "c", 0, Map.of("from", "n1")));
        String text = scrape();
        assertEquals(1, value(text, "phoenix_agents_migrations_total{direction=\"in\",node=\"n1\",type=\"counter\"}"));
        assertEquals(2, value(text, "phoenix_agents_migrations_total{direction=\"out\",node=\"n1\",type=\"counter\"}"));
    }

    @Test
    void typeAndMembershipEvents() throws IOException {
        metrics.onEvent(event(Kind.TYPE_REGISTERED, null, 0, Map.of("version", "1.0.0")));
        metrics.onEvent(event(Kind.TYPE_UPGRADED, null, 0, Map.of("fromVersion", "1.0.0", "toVersion", "2.0.0")));
        metrics.onEvent(event(Kind.TYPE_REMOVED, null, 0, Map.of("version", "2.0.0")));
        metrics.onEvent(new RuntimeEvent(Kind.NODE_JOINED, T0, "n1", null, null, Map.of("node", "n2")));
        metrics.onEvent(new RuntimeEvent(Kind.NODE_JOINED, T0, "n1", null, null, Map.of("node", "n3")));
        metrics.onEvent(new RuntimeEvent(Kind.NODE_LEFT, T0, "n1", null, null, Map.of("node", "n3")));
        metrics.onEvent(new RuntimeEvent(Kind.PARTITION_DETECTED, T0, "n1", null, null, Map.of("node", "n1")));
        String text = scrape();
        for (String change : List.of("registered", "upgraded", "removed")) {
            assertEquals(1, value(text,
                    "phoenix_agent_type_changes_total{change=\"" + change + "\",node=\"n1\",type=\"counter\"}"));
        }
        assertEquals(2, value(text, "phoenix_cluster_membership_events_total{event=\"joined\",node=\"n1\"}"));
        assertEquals(1, value(text, "phoenix_cluster_membership_events_total{event=\"left\",node=\"n1\"}"));
        assertEquals(1, value(text, "phoenix_cluster_membership_events_total{event=\"partition\",node=\"n1\"}"));
    }

    @Test
    void gaugesAndCountersComeFromTheRuntimeAtScrapeTime() throws IOException {
        String text = scrape();
        assertEquals(5, value(text, "phoenix_agents{node=\"n1\",type=\"counter\"}"));
        assertEquals(3, value(text, "phoenix_agents_active{node=\"n1\",type=\"counter\"}"));
        assertEquals(42, value(text, "phoenix_messages_handled_total{node=\"n1\",type=\"counter\"}"));
        assertEquals(2, value(text, "phoenix_messages_failed_total{node=\"n1\",type=\"counter\"}"));
        assertEquals(1, value(text, "phoenix_agent_upgrades_total{node=\"n1\",type=\"counter\"}"));
        assertEquals(1, value(text, "phoenix_agent_type_available{node=\"n1\",type=\"counter\",version=\"1.0.0\"}"));
        assertEquals(7, value(text, "phoenix_mailbox_depth{node=\"n1\"}"));
        assertEquals(4, value(text, "phoenix_dispatcher_threads{node=\"n1\"}"));
        assertTrue(text.contains("# TYPE phoenix_messages_handled_total counter"), text);
    }

    @Test
    void messageLatencyIsAHistogramPerTypeOnTheRuntimesBucketsAtOneTwoAndAHalfAndFive() throws IOException {
        // runtime buckets: <=1 µs, <=1.25 µs, <=2.5 µs, <=5 µs, overflow; 1.25 µs is not exported
        when(runtime.messageLatencyByType()).thenReturn(Map.of("counter", new LatencySnapshot(10, 60_000, 30_000,
                List.of(1_000L, 1_250L, 2_500L, 5_000L), List.of(2L, 1L, 3L, 0L, 4L))));
        String text = scrape();
        assertTrue(text.contains("# TYPE phoenix_agent_message_seconds histogram"), text);
        String series = "phoenix_agent_message_seconds_bucket{node=\"n1\",type=\"counter\",le=\"";
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + "([^\"]+)\"} (\\S+)$", Pattern.MULTILINE)
                .matcher(text);
        Map<Double, Double> cumulative = new java.util.TreeMap<>();
        while (m.find()) {
            double le = "+Inf".equals(m.group(1)) ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
            cumulative.put(le, Double.parseDouble(m.group(2)));
        }
        assertEquals(Map.of(1e-6, 2.0, 2.5e-6, 6.0, 5e-6, 6.0, Double.POSITIVE_INFINITY, 10.0), cumulative, text);
        assertEquals(10, value(text, "phoenix_agent_message_seconds_count{node=\"n1\",type=\"counter\"}"));
        assertEquals(6e-5, value(text, "phoenix_agent_message_seconds_sum{node=\"n1\",type=\"counter\"}"), 1e-12);
    }

    @Test
    void onlyDecimalOneTwoAndAHalfAndFiveBoundsAreExported() {
        assertTrue(MessageLatencyCollector.exported(1_000));
        assertTrue(MessageLatencyCollector.exported(2_500_000));
        assertTrue(MessageLatencyCollector.exported(50_000_000_000L));
        assertFalse(MessageLatencyCollector.exported(2_000));
        assertFalse(MessageLatencyCollector.exported(1_250));
        assertFalse(MessageLatencyCollector.exported(640), "below 1 µs");
    }

    @Test
    void clusterGaugesStandaloneJoinedAndNotYetJoined() throws IOException {
        String standalone = scrape();
        assertEquals(1, value(standalone, "phoenix_cluster_nodes{node=\"n1\"}"));
        assertEquals(1, value(standalone, "phoenix_cluster_joined{node=\"n1\"}"));

        clusterExpected = true; // cluster bundle installed, grid not up yet
        String starting = scrape();
        assertTrue(Double.isNaN(value(starting, "phoenix_cluster_nodes{node=\"n1\"}")), starting);
        assertEquals(0, value(starting, "phoenix_cluster_joined{node=\"n1\"}"));

        cluster.set(Optional.of(new ClusterView("JOINED", 3, 9, List.of())));
        String joined = scrape();
        assertEquals(3, value(joined, "phoenix_cluster_nodes{node=\"n1\"}"));
        assertEquals(1, value(joined, "phoenix_cluster_joined{node=\"n1\"}"));
        assertEquals(9, value(joined, "phoenix_cluster_topology_version{node=\"n1\"}"));

        cluster.set(Optional.of(new ClusterView("JOINED", 2, 10, List.of("node x runs Ignite 2.18"))));
        assertEquals(0, value(scrape(), "phoenix_cluster_joined{node=\"n1\"}"));
    }

    @Test
    void runtimeMetricsGoAwayWithTheRuntime() throws Exception {
        metrics.onEvent(event(Kind.AGENT_SPAWNED, "a", 0, Map.of()));
        attached.close();
        String text = scrape();
        assertTrue(Double.isNaN(value(text, "phoenix_agents{node=\"n1\",type=\"counter\"}")), text);
        assertEquals(1, value(text, "phoenix_agents_spawned_total{node=\"n1\",type=\"counter\"}"));
    }

    @Test
    void jvmAndProcessMetricsWhenEnabled() throws IOException {
        metrics = new PhoenixMetrics(true);
        String text = scrape();
        assertTrue(text.contains("jvm_memory_used_bytes{area=\"heap\"}"), text);
        assertTrue(text.contains("process_cpu_seconds_total"), text);
        assertFalse(text.contains("phoenix_transport_"), "no transport metrics until the runtime has a source");
    }
}
