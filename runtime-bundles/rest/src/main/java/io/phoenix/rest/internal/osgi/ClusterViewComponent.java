package io.phoenix.rest.internal.osgi;

import io.phoenix.cluster.ClusterManagement;
import io.phoenix.cluster.ClusterStatus;
import io.phoenix.cluster.NodeInfo;
import io.phoenix.rest.internal.ClusterView;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link ClusterView} over the cluster bundle's {@link ClusterManagement}. The only class of this bundle that
 * touches the optional {@code io.phoenix.cluster} package: without the cluster bundle it never activates, and the
 * API reports this node alone.
 */
@Component(service = ClusterView.class)
public class ClusterViewComponent implements ClusterView {

    @Reference
    private ClusterManagement cluster;

    @Override
    public ClusterReport report() {
        ClusterStatus status = cluster.status();
        List<Node> nodes = cluster.nodes().stream().map(ClusterViewComponent::node).toList();
        return new ClusterReport(status.localNodeId(), true, status.state(), status.topologyVersion(), nodes,
                status.problems());
    }

    @Override
    public CompletionStage<Migration> migrate(String agentId, String nodeId) {
        return cluster.migrate(agentId, nodeId)
                .thenApply(l -> new Migration(l.agentId(), l.placedOn(), l.heldBy(), l.pinned()));
    }

    private static Node node(NodeInfo n) {
        return new Node(n.id(), n.address(), n.local(), n.agents(), n.health(), n.cpuLoad(), n.heapUsedBytes(),
                n.heapMaxBytes(), n.attributes());
    }
}
