package io.phoenix.cluster.internal;

import io.phoenix.grid.GridNode;
import io.phoenix.runtime.spi.AgentHost;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells the runtime, as soon as the grid bundle is active, that this node belongs to a cluster — before the grid
 * node has joined and the cluster services attach, which takes seconds at start and after a rejoin. Meanwhile a
 * message to an agent that is not here is answered "unavailable, retry" instead of "not found": the agent may well
 * exist on the cluster, and a client told "not found" might create it a second time.
 */
@Component(immediate = true)
public class ClusterExpectation {

    @Reference
    GridNode grid;

    @Reference
    AgentHost host;

    @Activate
    void activate() {
        host.expectCluster(true);
    }

    @Deactivate
    void deactivate() {
        host.expectCluster(false);
    }
}
