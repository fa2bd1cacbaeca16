package io.phoenix.dashboard.internal;

import java.util.List;
import java.util.Map;

/**
 * The cluster as the dashboard shows it, free of the cluster bundle's types (that package is imported optionally).
 * Registered internally by {@link ClusterSourceComponent} while a ClusterManagement service exists.
 */
interface ClusterSource {

    /** @return state, servers, topologyVersion, problems */
    Map<String, Object> status();

    /** @return every server node: id, address, local, agents, cpuLoad, heapUsedBytes, heapMaxBytes, health */
    List<Map<String, Object>> nodes();
}
