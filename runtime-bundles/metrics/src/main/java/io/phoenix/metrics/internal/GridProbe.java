package io.phoenix.metrics.internal;

/**
 * Reads the data grid's own status, the fallback of readiness while the cluster services are down (the grid is
 * starting, has no quorum or failed): the same source {@code phoenix:cluster-status} shows then, so both say the
 * same state. Registered (internally) only while the grid bundle's GridNode service is there, by
 * {@link GridProbeComponent}.
 */
interface GridProbe {

    /** @return the grid as this node sees it now, with why the cluster services are not running */
    ClusterView view();
}
