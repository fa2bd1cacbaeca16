package io.phoenix.dashboard.internal;

import io.phoenix.cluster.ClusterManagement;
import io.phoenix.cluster.ClusterStatus;
import io.phoenix.cluster.NodeInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The only class of this bundle that touches io.phoenix.cluster; created only once ClusterManagement exists. */
@Component(service = ClusterSource.class)
public final class ClusterSourceComponent implements ClusterSource {

    private final ClusterManagement cluster;

    @Activate
    public ClusterSourceComponent(@Reference ClusterManagement cluster) {
        this.cluster = cluster;
    }

    @Override
    public Map<String, Object> status() {
        ClusterStatus s = cluster.status();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", s.state());
        m.put("servers", s.servers());
        m.put("topologyVersion", s.topologyVersion());
        m.put("problems", s.problems());
        return m;
    }

    @Override
    public List<Map<String, Object>> nodes() {
        return cluster.nodes().stream().map(ClusterSourceComponent::node).toList();
    }

    private static Map<String, Object> node(NodeInfo n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("address", n.address());
        m.put("local", n.local());
        m.put("agents", n.agents());
        m.put("cpuLoad", n.cpuLoad());
        m.put("heapUsedBytes", n.heapUsedBytes());
        m.put("heapMaxBytes", n.heapMaxBytes());
        m.put("health", n.health());
        return m;
    }
}
