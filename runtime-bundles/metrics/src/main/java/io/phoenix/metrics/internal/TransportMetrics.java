package io.phoenix.metrics.internal;

import io.phoenix.runtime.management.TransportObserver;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The transport and registry metrics of the spec, fed by the runtime on its hot path (it calls this as a
 * {@link TransportObserver}): requests sent to other nodes, their latency until the reply, failures by
 * code, and placement lookup latency. Observing is a few label look-ups and atomic adds.
 */
final class TransportMetrics implements TransportObserver {

    private final Counter sent;
    private final Counter errors;
    private final Histogram latency;
    private final Histogram lookups;

    TransportMetrics(PrometheusRegistry registry) {
        sent = (Counter) Counter.builder().name("phoenix_transport_messages_sent")
                .help("Requests this node sent to other nodes (operation: CALL, CAST, SPAWN, STATE, ...)")
                .labelNames("node", "target", "operation").withoutExemplars().register(registry);
        errors = (Counter) Counter.builder().name("phoenix_transport_errors")
                .help("Requests to other nodes that failed, by failure code (agent_unavailable, timeout, ...)")
                .labelNames("node", "target", "code").withoutExemplars().register(registry);
        latency = (Histogram) Histogram.builder().name("phoenix_transport_latency_seconds")
                .help("Time from sending a request to another node until its reply or failure")
                .unit(Unit.SECONDS).labelNames("node", "target").classicOnly()
                .classicUpperBounds(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
                        1, 2.5, 5, 10)
                .withoutExemplars().register(registry);
        lookups = (Histogram) Histogram.builder().name("phoenix_registry_lookup_seconds")
                .help("Placement lookups for agents not active on this node (node-local, no network)")
                .unit(Unit.SECONDS).labelNames("node").classicOnly()
                .classicUpperBounds(0.000001, 0.0000025, 0.000005, 0.00001, 0.000025, 0.00005, 0.0001, 0.001, 0.01)
                .withoutExemplars().register(registry);
    }

    @Override
    public void requestCompleted(String fromNode, String toNode, String operation, long latencyNanos,
                                 String errorCode) {
        sent.labelValues(fromNode, toNode, operation).inc();
        latency.labelValues(fromNode, toNode).observe(latencyNanos / 1e9);
        if (errorCode != null) {
            errors.labelValues(fromNode, toNode, errorCode).inc();
        }
    }

    @Override
    public void placementLookup(String node, long latencyNanos) {
        lookups.labelValues(node).observe(latencyNanos / 1e9);
    }
}
