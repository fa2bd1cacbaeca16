package io.phoenix.metrics.internal;

/**
 * Reads the cluster's state. Registered (internally) only while the cluster bundle's ClusterManagement service is
 * there, by {@link ClusterProbeComponent}; the metrics and health components bind it optionally.
 */
interface ClusterProbe {

    /** @return the cluster as this node sees it now */
    ClusterView view();
}
