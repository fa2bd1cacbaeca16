package io.phoenix.metrics.internal;

import io.phoenix.cluster.ClusterManagement;
import io.phoenix.cluster.ClusterStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The only class of this bundle that touches io.phoenix.cluster (imported optionally): SCR creates it only once a
 * ClusterManagement service exists, so a node without the cluster bundle never loads it.
 */
@Component(service = ClusterProbe.class)
public final class ClusterProbeComponent implements ClusterProbe {

    private final ClusterManagement cluster;

    @Activate
    public ClusterProbeComponent(@Reference ClusterManagement cluster) {
        this.cluster = cluster;
    }

    @Override
    public ClusterView view() {
        ClusterStatus status = cluster.status();
        return new ClusterView(status.state(), status.servers(), status.topologyVersion(), status.problems());
    }
}
