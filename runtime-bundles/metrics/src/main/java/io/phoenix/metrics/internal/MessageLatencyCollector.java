package io.phoenix.metrics.internal;

import io.phoenix.runtime.management.LatencySnapshot;
import io.phoenix.runtime.management.RuntimeManagement;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code phoenix_agent_message_seconds}: the runtime's per-type message latency histograms
 * ({@link RuntimeManagement#messageLatencyByType()}), converted at scrape time. The runtime keeps 80 narrow buckets;
 * only their bounds at 1, 2.5 and 5 of each decade are exported (1 µs … 50 s, 24 buckets), which is exact because
 * Prometheus buckets are cumulative and those bounds are among the runtime's.
 */
final class MessageLatencyCollector implements Collector {

    static final String NAME = "phoenix_agent_message_seconds";

    private final RuntimeManagement runtime;
    private final String node;

    MessageLatencyCollector(RuntimeManagement runtime) {
        this.runtime = runtime;
        this.node = runtime.nodeId();
    }

    @Override
    public MetricSnapshot collect() {
        HistogramSnapshot.Builder histogram = HistogramSnapshot.builder().name(NAME).unit(Unit.SECONDS)
                .help("Sampled messages from entering an agent's mailbox until their turn ended (queue wait and"
                        + " handling), by agent type");
        runtime.messageLatencyByType().forEach((type, latency) ->
                histogram.dataPoint(HistogramDataPointSnapshot.builder()
                        .labels(Labels.of("node", node, "type", type))
                        .classicHistogramBuckets(buckets(latency))
                        .sum(latency.sumNanos() / 1e9)
                        .build()));
        return histogram.build();
    }

    @Override
    public String getPrometheusName() {
        return NAME;
    }

    @Override
    public MetricType getMetricType() {
        return MetricType.HISTOGRAM;
    }

    /** The exported buckets, with per-bucket (not cumulative) counts as the client's model wants them. */
    static ClassicHistogramBuckets buckets(LatencySnapshot latency) {
        List<Double> bounds = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        long pending = 0;
        List<Long> fine = latency.upperBoundsNanos();
        for (int i = 0; i < fine.size(); i++) {
            pending += latency.bucketCounts().get(i);
            if (exported(fine.get(i))) {
                bounds.add(fine.get(i) / 1e9);
                counts.add(pending);
                pending = 0;
            }
        }
        bounds.add(Double.POSITIVE_INFINITY);
        counts.add(pending + latency.bucketCounts().get(fine.size()));
        return ClassicHistogramBuckets.of(bounds, counts);
    }

    /** Whether a bound is 1, 2.5 or 5 times a power of ten nanoseconds, from 1 µs on. */
    static boolean exported(long nanos) {
        if (nanos < 1_000) {
            return false;
        }
        long mantissa = nanos;
        while (mantissa % 10 == 0) {
            mantissa /= 10;
        }
        return mantissa == 1 || mantissa == 25 || mantissa == 5;
    }
}
