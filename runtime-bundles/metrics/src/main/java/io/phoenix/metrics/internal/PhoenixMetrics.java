package io.phoenix.metrics.internal;

import io.phoenix.runtime.management.RuntimeEvent;
import io.phoenix.runtime.management.RuntimeManagement;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The node's metric registry: event-driven Phoenix metrics, the runtime's gauges and counters once a runtime is
 * attached, and the JVM and process metrics of Prometheus' JVM instrumentation, written in the Prometheus text
 * format. A plain object: the DS component owns one, tests create their own.
 */
final class PhoenixMetrics {

    /** Content type of {@link #write}: the Prometheus text format 0.0.4. */
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final EventMetrics events;
    private final TransportMetrics transport;
    private final ReplicationMetrics replication;

    PhoenixMetrics(boolean jvm) {
        events = new EventMetrics(registry);
        transport = new TransportMetrics(registry);
        replication = new ReplicationMetrics(registry);
        if (jvm) {
            // One by one rather than JvmMetrics.builder(), which remembers every registry in a static set (a leak
            // per re-activation). The allocation metrics are left out: they add GC listeners that outlive us.
            JvmMemoryMetrics.builder().register(registry);
            JvmThreadsMetrics.builder().register(registry);
            JvmGarbageCollectorMetrics.builder().register(registry);
            JvmRuntimeInfoMetric.builder().register(registry);
            ProcessMetrics.builder().register(registry);
        }
    }

    /**
     * Adds the metrics read from a runtime (and the cluster) at scrape time.
     *
     * @return closing it removes them again (the runtime went away)
     */
    AutoCloseable attach(RuntimeManagement runtime, Supplier<Optional<ClusterView>> cluster,
                         BooleanSupplier clusterExpected) {
        List<Collector> collectors = new RuntimeGauges(runtime, cluster, clusterExpected).collectors();
        collectors.forEach(registry::register);
        return () -> collectors.forEach(registry::unregister);
    }

    void onEvent(RuntimeEvent event) {
        events.onEvent(event);
    }

    EventMetrics events() {
        return events;
    }

    TransportMetrics transport() {
        return transport;
    }

    ReplicationMetrics replication() {
        return replication;
    }

    /** Writes every metric in the Prometheus text format. */
    void write(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }
}
