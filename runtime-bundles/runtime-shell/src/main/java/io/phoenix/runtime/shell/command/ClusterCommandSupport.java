package io.phoenix.runtime.shell.command;

import java.time.Duration;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The base of the cluster commands: hands each run the {@code io.phoenix.cluster.ClusterManagement}
 * service, or fails with the one line {@value #NOT_IN_CLUSTER} when this node has none.
 *
 * <p>Why the service is not a {@code @Reference(optional = true) ClusterManagement} field: the shell
 * bundle imports {@code io.phoenix.cluster} optionally, so on a node without the cluster bundle that
 * package is missing. Karaf reads the fields of every command (and of its superclasses) when the bundle
 * starts and, when that fails for a missing class, logs it and drops the command; it also reads their
 * methods on every run. A field or method signature naming a cluster type would make these commands
 * vanish ("Command not found") instead of saying why. So the service is looked up by name for each run
 * and handed over as {@code Object}; cluster types appear only inside method bodies.
 * {@code ClusterPackageMissingTest} loads the commands without the package to keep it that way.
 */
public abstract class ClusterCommandSupport extends PhoenixCommandSupport {

    /** The failure, after {@code Error: }, when this node has no cluster management service. */
    public static final String NOT_IN_CLUSTER = "this node is not part of a cluster"
            + " (the phoenix-cluster feature is not installed, or the grid is not up or has no quorum: the"
            + " 'Phoenix grid:' lines of data/log/karaf.log say which)";

    /** The cluster management service's interface. */
    static final String CLUSTER_SERVICE = "io.phoenix.cluster.ClusterManagement";

    /** How long migration and rebalancing may take before the command stops waiting for them. */
    static final Duration CLUSTER_TIMEOUT = Duration.ofSeconds(10);

    @Reference
    BundleContext bundleContext;

    @Override
    protected final void run() throws Exception {
        if (!withClusterIfPresent(bundleContext, cluster -> {
            runOn(cluster);
            return null;
        })) {
            withoutCluster();
        }
    }

    /**
     * What the command does on a node without the cluster management service: by default it says so.
     *
     * @throws Exception {@value #NOT_IN_CLUSTER}, or what an override reports
     */
    protected void withoutCluster() throws Exception {
        throw new CommandException(NOT_IN_CLUSTER);
    }

    /**
     * The command's work.
     *
     * @param cluster the {@code io.phoenix.cluster.ClusterManagement} service (see the class comment for
     *     why it is typed {@code Object})
     * @throws Exception any failure, reported by {@link #execute()}
     */
    protected abstract void runOn(Object cluster) throws Exception;

    /**
     * A use of the cluster management service.
     *
     * @param <R> the result type
     */
    @FunctionalInterface
    public interface ClusterCall<R> {

        /**
         * @param cluster the {@code io.phoenix.cluster.ClusterManagement} service
         * @return the result
         * @throws Exception any failure
         */
        R apply(Object cluster) throws Exception;
    }

    /**
     * Calls {@code call} with the cluster management service and releases the service afterwards.
     *
     * @param <R> the result type
     * @param context this bundle's context
     * @param call what to do with the service
     * @return the call's result
     * @throws CommandException {@value #NOT_IN_CLUSTER}, when this node has no cluster management
     *     service this bundle can use
     * @throws Exception the call's failure
     */
    public static <R> R withCluster(BundleContext context, ClusterCall<R> call) throws Exception {
        Object[] result = new Object[1];
        if (!withClusterIfPresent(context, cluster -> result[0] = call.apply(cluster))) {
            throw new CommandException(NOT_IN_CLUSTER);
        }
        @SuppressWarnings("unchecked")
        R value = (R) result[0];
        return value;
    }

    /** As {@link #withCluster}, but tells whether the service was there instead of failing. */
    private static boolean withClusterIfPresent(BundleContext context, ClusterCall<?> call) throws Exception {
        ServiceReference<?> reference = context != null && clusterPackageWired()
                ? context.getServiceReference(CLUSTER_SERVICE) : null;
        Object service = reference == null ? null : context.getService(reference);
        if (service == null) {
            return false;
        }
        try {
            call.apply(service);
            return true;
        } finally {
            context.ungetService(reference);
        }
    }

    /**
     * Whether this bundle can load the cluster API. It cannot where the package is missing, nor where the
     * cluster bundle was installed after this one and this one was not refreshed; the service may be
     * registered in that case, but not cast.
     */
    static boolean clusterPackageWired() {
        return loadable(CLUSTER_SERVICE);
    }

    /** Whether this bundle can load {@code className} (from an optionally imported package). */
    static boolean loadable(String className) {
        try {
            Class.forName(className, false, ClusterCommandSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** @param bundleContext this bundle's context, in which the cluster management service is looked up */
    public void setBundleContext(BundleContext bundleContext) {
        this.bundleContext = bundleContext;
    }
}
