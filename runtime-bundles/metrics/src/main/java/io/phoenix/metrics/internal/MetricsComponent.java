package io.phoenix.metrics.internal;

import io.phoenix.runtime.management.RuntimeEvent;
import io.phoenix.runtime.management.RuntimeEventListener;
import io.phoenix.runtime.management.TransportObserver;
import java.io.IOException;
import java.io.OutputStream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Owns the node's metric registry and listens to runtime events (whiteboard). It must not reference the runtime:
 * the runtime binds its listeners while it activates, and a listener that needs the runtime's own service would
 * make a DS cycle (the runtime would silently get no listener). {@link RuntimeGaugesComponent} attaches the runtime.
 */
@Component(service = {RuntimeEventListener.class, TransportObserver.class, MetricsComponent.class},
        configurationPid = "io.phoenix.metrics")
@Designate(ocd = MetricsComponent.Config.class)
public final class MetricsComponent implements RuntimeEventListener, TransportObserver {

    /** Configuration (PID io.phoenix.metrics). */
    @ObjectClassDefinition(name = "Phoenix metrics")
    public @interface Config {

        @AttributeDefinition(description = "Export the JVM and process metrics (memory, GC, threads, CPU)")
        boolean jvm_enabled() default true;
    }

    private final PhoenixMetrics metrics;

    @Activate
    public MetricsComponent(Config config) {
        metrics = new PhoenixMetrics(config.jvm_enabled());
    }

    @Override
    public void onEvent(RuntimeEvent event) {
        metrics.onEvent(event);
    }

    @Override
    public void requestCompleted(String fromNode, String toNode, String operation, long latencyNanos,
                                 String errorCode) {
        metrics.transport().requestCompleted(fromNode, toNode, operation, latencyNanos, errorCode);
    }

    @Override
    public void placementLookup(String node, long latencyNanos) {
        metrics.transport().placementLookup(node, latencyNanos);
    }

    @Override
    public void stateWriteCompleted(String node, long latencyNanos, boolean failed) {
        metrics.replication().completed(node, latencyNanos, failed);
    }

    PhoenixMetrics metrics() {
        return metrics;
    }

    void write(OutputStream out) throws IOException {
        metrics.write(out);
    }
}
