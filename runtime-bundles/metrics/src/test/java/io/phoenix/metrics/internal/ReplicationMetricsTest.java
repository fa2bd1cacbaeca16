package io.phoenix.metrics.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import io.phoenix.runtime.management.RuntimeEvent;
import io.phoenix.runtime.management.RuntimeEvent.Kind;
import io.phoenix.runtime.management.TransportObserver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replicated state writes: counters and latency histogram from the per-write observer, nothing from the events. */
class ReplicationMetricsTest {

    /** The component, as the runtime sees it: a TransportObserver whose state-write method must not be the no-op. */
    private final MetricsComponent component = new MetricsComponent(mock(MetricsComponent.Config.class));
    private final TransportObserver observer = component;

    private String scrape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        component.write(out);
        return out.toString(UTF_8);
    }

    @Test
    void writesAreCountedAndConfirmationsTimed() throws IOException {
        observer.stateWriteCompleted("n1", 300_000, false);   // 0.3 ms
        observer.stateWriteCompleted("n1", 4_000_000, false); // 4 ms
        observer.stateWriteCompleted("n1", 2_000_000_000L, true);

        String text = scrape();
        assertTrue(text.contains("# TYPE phoenix_state_replicated_total counter"), text);
        assertTrue(text.contains("phoenix_state_replicated_total{node=\"n1\"} 2"), text);
        assertTrue(text.contains("phoenix_state_replication_failures_total{node=\"n1\"} 1"), text);
        assertTrue(text.contains("# TYPE phoenix_state_replication_seconds histogram"), text);
        assertTrue(text.contains("phoenix_state_replication_seconds_count{node=\"n1\"} 2"), "failures are not timed");
        assertTrue(text.contains("phoenix_state_replication_seconds_bucket{node=\"n1\",le=\"5.0E-4\"} 1")
                || text.contains("phoenix_state_replication_seconds_bucket{node=\"n1\",le=\"0.0005\"} 1"), text);
        assertTrue(text.contains("phoenix_state_replication_seconds_bucket{node=\"n1\",le=\"0.005\"} 2"), text);
    }

    @Test
    void theFailureCounterStartsAtZeroWithTheFirstWrite() throws IOException {
        observer.stateWriteCompleted("n1", 1_000, false);
        assertTrue(scrape().contains("phoenix_state_replication_failures_total{node=\"n1\"} 0"));
    }

    @Test
    void nothingIsExportedWithoutReplicatedWritesAndSummaryEventsCountNothing() throws IOException {
        component.onEvent(new RuntimeEvent(Kind.STATE_REPLICATED, Instant.now(), "n1", null, null,
                Map.of("commits", "5", "failures", "1", "maxMillis", "1.500", "periodMillis", "1000")));
        component.onEvent(new RuntimeEvent(Kind.STATE_REPLICATION_FAILED, Instant.now(), "n1", "counter", "c1",
                Map.of("error", "boom", "millis", "3.000")));
        String text = scrape();
        assertFalse(text.contains("phoenix_state_replicated_total{"), text);
        assertFalse(text.contains("phoenix_state_replication_failures_total{"), text);
        assertFalse(text.contains("phoenix_state_replication_seconds_count{"), text);
    }
}
