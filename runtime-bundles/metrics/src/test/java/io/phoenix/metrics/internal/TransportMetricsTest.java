package io.phoenix.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TransportMetricsTest {

    @Test
    void requestsLatencyErrorsAndLookupsAreExported() throws Exception {
        PhoenixMetrics metrics = new PhoenixMetrics(false);

        metrics.transport().requestCompleted("node-1", "node-2", "CALL", 250_000, null);
        metrics.transport().requestCompleted("node-1", "node-2", "CALL", 3_000_000, "timeout");
        metrics.transport().placementLookup("node-1", 300);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("phoenix_transport_messages_sent_total{node=\"node-1\",operation=\"CALL\",target=\"node-2\"} 2"),
                text);
        assertTrue(text.contains("phoenix_transport_errors_total{code=\"timeout\",node=\"node-1\",target=\"node-2\"} 1"), text);
        assertTrue(text.contains("phoenix_transport_latency_seconds_bucket{node=\"node-1\",target=\"node-2\",le=\"2.5E-4\"} 1")
                || text.contains("phoenix_transport_latency_seconds_bucket{node=\"node-1\",target=\"node-2\",le=\"0.00025\"} 1"),
                text);
        assertTrue(text.contains("phoenix_transport_latency_seconds_count{node=\"node-1\",target=\"node-2\"} 2"), text);
        assertTrue(text.contains("phoenix_registry_lookup_seconds_count{node=\"node-1\"} 1"), text);
    }
}
