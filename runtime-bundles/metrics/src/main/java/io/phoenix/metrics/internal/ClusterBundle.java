package io.phoenix.metrics.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Whether this node is meant to be clustered: the cluster bundle is installed. Then readiness waits for the grid
 * and phoenix_cluster_nodes is only reported once the cluster service is up; without it the node is standalone.
 */
final class ClusterBundle {

    static final String SYMBOLIC_NAME = "io.phoenix.cluster";

    private ClusterBundle() {
    }

    static boolean installed(BundleContext context) {
        try {
            for (Bundle bundle : context.getBundles()) {
                if (SYMBOLIC_NAME.equals(bundle.getSymbolicName()) && bundle.getState() != Bundle.UNINSTALLED) {
                    return true;
                }
            }
            return false;
        } catch (IllegalStateException stoppedContext) {
            return false;
        }
    }
}
