package io.phoenix.metrics.internal;

import io.phoenix.runtime.management.RuntimeManagement;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Adds the runtime's gauges and counters to the registry while the runtime (and maybe the cluster) is there. */
@Component(service = {})
public final class RuntimeGaugesComponent {

    private final AutoCloseable attached;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ClusterProbe cluster;

    @Activate
    public RuntimeGaugesComponent(@Reference RuntimeManagement runtime, @Reference MetricsComponent metrics,
                                  BundleContext context) {
        attached = metrics.metrics().attach(runtime, this::clusterView, () -> ClusterBundle.installed(context));
    }

    @Deactivate
    void deactivate() throws Exception {
        attached.close();
    }

    private Optional<ClusterView> clusterView() {
        ClusterProbe probe = cluster;
        if (probe == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(probe.view());
        } catch (RuntimeException e) { // the grid going down under us
            return Optional.empty();
        }
    }
}
