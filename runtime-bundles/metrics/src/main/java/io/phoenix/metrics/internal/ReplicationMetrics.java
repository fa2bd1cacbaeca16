package io.phoenix.metrics.internal;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * Replicated state writes, fed once per write by the runtime ({@code TransportObserver.stateWriteCompleted}) rather
 * than by the STATE_REPLICATED events: those are a per-second summary, too coarse for a histogram, and the failure
 * events are rate-limited. A node can replicate millions of commits a second, so the node's data points are looked
 * up once and kept; an observation is then a few atomic adds. Nothing is exported until the first write, so a
 * node without a replicated store shows no series.
 */
final class ReplicationMetrics {

    /** The data points of one node id (the runtime's id never changes while it runs). */
    private record Series(String node, CounterDataPoint replicated, CounterDataPoint failures,
                          DistributionDataPoint latency) {
    }

    private final Counter replicated;
    private final Counter failures;
    private final Histogram latency;
    private volatile Series series;

    ReplicationMetrics(PrometheusRegistry registry) {
        replicated = (Counter) Counter.builder().name("phoenix_state_replicated")
                .help("Committed agent state changes the replicated state store confirmed")
                .labelNames("node").withoutExemplars().register(registry);
        failures = (Counter) Counter.builder().name("phoenix_state_replication_failures")
                .help("Committed agent state changes the replicated state store failed to write")
                .labelNames("node").withoutExemplars().register(registry);
        latency = (Histogram) Histogram.builder().name("phoenix_state_replication_seconds")
                .help("Time from issuing a committed state write until the replicated store confirmed it")
                .unit(Unit.SECONDS).labelNames("node").classicOnly()
                .classicUpperBounds(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
                        1, 2.5, 5, 10)
                .withoutExemplars().register(registry);
    }

    /** Records one write; only confirmed writes enter the histogram, so its count equals the replicated counter. */
    void completed(String node, long latencyNanos, boolean failed) {
        Series s = series(node);
        if (failed) {
            s.failures().inc();
        } else {
            s.replicated().inc();
            s.latency().observe(latencyNanos / 1e9);
        }
    }

    private Series series(String node) {
        Series s = series;
        if (s == null || !s.node().equals(node)) {
            // Creating all three at once exports the failure counter at 0, so rate() works before a first failure.
            s = new Series(node, replicated.labelValues(node), failures.labelValues(node), latency.labelValues(node));
            series = s;
        }
        return s;
    }
}
