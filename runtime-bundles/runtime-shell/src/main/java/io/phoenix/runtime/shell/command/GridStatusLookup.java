package io.phoenix.runtime.shell.command;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The grid's status, looked up by name for the same reason as the cluster service (see
 * {@link ClusterCommandSupport}): the grid package is imported optionally.
 */
final class GridStatusLookup {

    /** The grid node service's interface. */
    static final String GRID_SERVICE = "io.phoenix.grid.GridNode";

    private GridStatusLookup() {
    }

    /**
     * @param context this bundle's context
     * @return the {@code io.phoenix.grid.GridStatus} of this node's grid, or {@code null} without a grid bundle
     */
    static Object status(BundleContext context) {
        if (context == null || !ClusterCommandSupport.loadable(GRID_SERVICE)) {
            return null;
        }
        ServiceReference<?> reference = context.getServiceReference(GRID_SERVICE);
        Object service = reference == null ? null : context.getService(reference);
        if (service == null) {
            return null;
        }
        try {
            return ((io.phoenix.grid.GridNode) service).status();
        } finally {
            context.ungetService(reference);
        }
    }
}
