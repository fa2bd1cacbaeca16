package io.phoenix.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.phoenix.runtime.management.AgentTypeInfo;
import io.phoenix.runtime.management.LatencySnapshot;
import io.phoenix.runtime.management.NodeStatus;
import io.phoenix.runtime.management.RuntimeEvent;
import io.phoenix.runtime.management.RuntimeEvent.Kind;
import io.phoenix.runtime.management.RuntimeManagement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's JSON model and its event ring. */
class DashboardDataTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final RuntimeManagement runtime = mock(RuntimeManagement.class);

    DashboardDataTest() {
        when(runtime.nodeId()).thenReturn("n1");
        when(runtime.status()).thenReturn(new NodeStatus("n1", T0, 1, 5, 3, 0, 42, 1, 2));
        when(runtime.types()).thenReturn(List.of(new AgentTypeInfo("counter", "1.0.0", "b", true, 1, 5, 3, 42, 1, 0)));
        latency(SLOW);
    }

    /** Ten messages of 1 ms each, on buckets of 1 µs, 10 µs, 1 ms (and overflow). */
    private static final LatencySnapshot SLOW = new LatencySnapshot(10, 10_000_000, 1_000_000,
            List.of(1_000L, 10_000L, 1_000_000L), List.of(0L, 0L, 10L, 0L));
    /** The same, plus four messages of 10 µs. */
    private static final LatencySnapshot THEN_FAST = new LatencySnapshot(14, 10_040_000, 1_000_000,
            List.of(1_000L, 10_000L, 1_000_000L), List.of(0L, 4L, 10L, 0L));

    private void latency(LatencySnapshot counter) {
        when(runtime.messageLatency()).thenReturn(counter);
        when(runtime.messageLatencyByType()).thenReturn(Map.of("counter", counter));
    }

    /** A clock the test moves: now[0] is the time in ms. */
    private static Clock clock(long[] now) {
        return new Clock() {
            @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return Instant.ofEpochMilli(now[0]); }
        };
    }

    @SuppressWarnings("unchecked")
    @Test
    void standaloneNodeShowsItselfAsTheOnlyNode() {
        Map<String, Object> model = new DashboardData(Clock.fixed(T0, ZoneOffset.UTC))
                .build(runtime, null, false, List.of(), null);
        Map<String, Object> cluster = (Map<String, Object>) model.get("cluster");
        assertEquals("standalone", cluster.get("mode"));
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) cluster.get("nodes");
        assertEquals(1, nodes.size());
        assertEquals("n1", nodes.get(0).get("id"));
        assertEquals(5L, nodes.get(0).get("agents"));
        assertEquals(42L, ((Map<String, Object>) model.get("node")).get("messagesHandled"));
        assertEquals("counter", ((List<Map<String, Object>>) model.get("types")).get(0).get("name"));
        assertEquals(true, ((Map<String, Object>) model.get("latency")).get("available"));
        assertEquals(Map.of("available", false), model.get("replication"), "never replicated: no rate at all");
    }

    @SuppressWarnings("unchecked")
    @Test
    void latencyPercentilesAreOfTheMessagesSinceThePreviousPollAndSinceTheStart() {
        long[] now = {0};
        DashboardData data = new DashboardData(clock(now));
        Map<String, Object> first = (Map<String, Object>) data.build(runtime, null, false, List.of(), null)
                .get("latency");
        assertEquals(0L, first.get("windowMillis"));
        assertEquals(null, first.get("recent"), "no earlier poll yet");
        assertEquals(Map.of("count", 10L, "p50Micros", 1000.0, "p99Micros", 1000.0, "maxMicros", 1000.0),
                first.get("total"));

        now[0] = 1_500;
        latency(THEN_FAST);
        Map<String, Object> model = data.build(runtime, null, false, List.of(), null);
        Map<String, Object> second = (Map<String, Object>) model.get("latency");
        assertEquals(1_500L, second.get("windowMillis"));
        assertEquals(Map.of("count", 4L, "p50Micros", 10.0, "p99Micros", 10.0, "maxMicros", 10.0), second.get("recent"),
                "the earlier slow messages are not in the window");
        assertEquals(1000.0, ((Map<String, Object>) second.get("total")).get("p99Micros"));
        Map<String, Object> counter = ((List<Map<String, Object>>) model.get("types")).get(0);
        assertEquals(4L, ((Map<String, Object>) counter.get("latency")).get("count"));

        now[0] = 1_600; // another browser right after: the window still reaches back to a poll >= 1 s ago
        Map<String, Object> third = (Map<String, Object>) data.build(runtime, null, false, List.of(), null)
                .get("latency");
        assertEquals(1_600L, third.get("windowMillis"));
        assertEquals(4L, ((Map<String, Object>) third.get("recent")).get("count"));

        now[0] = 3_000; // idle since: an empty window, no percentiles
        assertEquals(Map.of("count", 0L), ((Map<String, Object>) data.build(runtime, null, false, List.of(), null)
                .get("latency")).get("recent"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void runtimeDownStillAnswers() {
        Map<String, Object> model = new DashboardData(Clock.systemUTC()).build(null, null, true, List.of(), null);
        assertEquals(false, ((Map<String, Object>) model.get("node")).get("up"));
        assertEquals(Map.of("available", false), model.get("latency"));
        assertEquals("starting", ((Map<String, Object>) model.get("cluster")).get("mode"));
    }

    @Test
    void clusterNodesAreFetchedAtMostOncePerTtl() {
        ClusterSource cluster = mock(ClusterSource.class);
        when(cluster.status()).thenReturn(Map.of("state", "JOINED", "servers", 2));
        when(cluster.nodes()).thenReturn(List.of(Map.of("id", "n1"), Map.of("id", "n2")));
        long[] now = {0};
        DashboardData data = new DashboardData(clock(now));
        data.build(runtime, cluster, true, List.of(), null);
        now[0] = 500;
        data.build(runtime, cluster, true, List.of(), null);
        verify(cluster, times(1)).nodes();
        now[0] = 1_000;
        data.build(runtime, cluster, true, List.of(), null);
        verify(cluster, times(2)).nodes();
    }

    @Test
    void ringKeepsNotableEventsThroughASpawnBurstNewestFirst() {
        EventRing ring = new EventRing(3);
        ring.add(new RuntimeEvent(Kind.NODE_JOINED, T0, "n1", null, null, Map.of("node", "n2")));
        for (int i = 1; i <= 10; i++) {
            ring.add(new RuntimeEvent(Kind.AGENT_SPAWNED, T0.plusSeconds(i), "n1", "counter", "a" + i, Map.of()));
            ring.add(new RuntimeEvent(Kind.AGENT_STARTED, T0.plusSeconds(i), "n1", "counter", "a" + i, Map.of()));
        }
        List<RuntimeEvent> recent = ring.recent(10);
        assertEquals(4, recent.size());
        assertEquals("a10", recent.get(0).agentId());
        assertEquals(Kind.NODE_JOINED, recent.get(3).kind());
        assertTrue(recent.stream().noneMatch(e -> e.kind() == Kind.AGENT_STARTED));
        assertEquals(2, ring.recent(2).size());
    }

    @Test
    void replicationSummariesFeedTheRateNotTheEventList() {
        EventRing ring = new EventRing(3);
        ring.add(new RuntimeEvent(Kind.NODE_JOINED, T0, "n1", null, null, Map.of("node", "n2")));
        for (int i = 1; i <= 10; i++) {
            ring.add(new RuntimeEvent(Kind.STATE_REPLICATED, T0.plusSeconds(i), "n1", null, null,
                    Map.of("commits", String.valueOf(1000 * i), "failures", "0", "maxMillis", "0.5",
                            "periodMillis", "1000")));
            ring.add(new RuntimeEvent(Kind.STATE_REPLICATION_FAILED, T0.plusSeconds(i), "n1", "counter", "a" + i,
                    Map.of("error", "refused", "millis", "1.0")));
        }
        assertEquals(List.of(Kind.NODE_JOINED), ring.recent(10).stream().map(RuntimeEvent::kind).toList());
        assertEquals("10000", ring.lastReplication().attributes().get("commits"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void replicationRateComesFromTheLatestSummaryWhileItIsFresh() {
        RuntimeEvent summary = new RuntimeEvent(Kind.STATE_REPLICATED, T0, "n1", null, null,
                Map.of("commits", "2000", "failures", "3", "maxMillis", "1.250", "periodMillis", "1000"));
        Map<String, Object> fresh = (Map<String, Object>) new DashboardData(Clock.fixed(T0.plusMillis(900),
                ZoneOffset.UTC)).build(runtime, null, false, List.of(), summary).get("replication");
        assertEquals(true, fresh.get("available"));
        assertEquals(2000.0, fresh.get("commitsPerSecond"));
        assertEquals(3.0, fresh.get("failuresPerSecond"));
        assertEquals(1.25, fresh.get("maxMillis"));

        Map<String, Object> stale = (Map<String, Object>) new DashboardData(Clock.fixed(
                T0.plusMillis(DashboardData.REPLICATION_STALE_MS + 1), ZoneOffset.UTC))
                .build(runtime, null, false, List.of(), summary).get("replication");
        assertEquals(0.0, stale.get("commitsPerSecond"), "no summary since: nothing was replicated");
    }

    @Test
    void basicAuthRejectsMalformedHeadersWithoutLoggingIn() {
        JaasBasicAuth auth = new JaasBasicAuth("no-such-realm", java.util.Set.of("viewer"), () -> 0);
        assertFalse(auth.allowed(null));
        assertFalse(auth.allowed("Bearer x"));
        assertFalse(auth.allowed("Basic !!!"));
        assertFalse(auth.allowed("Basic " + java.util.Base64.getEncoder().encodeToString("nocolon".getBytes())));
    }
}
