package io.phoenix.grid.internal;

import io.phoenix.grid.GridNode;
import io.phoenix.grid.GridSettings;
import io.phoenix.grid.GridStatus;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ignite.Ignite;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grid as OSGi services: reads PID {@code io.phoenix.grid}, runs the node through {@link GridNodeRunner}
 * (started off the activation thread), registers {@code org.apache.ignite.Ignite} while the node is joined, and
 * is itself the {@link GridNode} service. A configuration change that alters any setting restarts the node; a
 * deactivation (bundle stop, update, refresh) waits for an in-flight start and stops the node.
 */
@Component(service = GridNode.class, immediate = true, configurationPid = GridConfig.PID)
@Designate(ocd = GridConfig.class)
public class GridComponent implements GridNode {

    /** Service property of the {@code Ignite} service: the Phoenix node id. */
    static final String PROP_NODE_ID = "phoenix.node.id";
    /** Service property of the {@code Ignite} service: the cluster name. */
    static final String PROP_CLUSTER_NAME = "phoenix.cluster.name";

    private static final Logger LOG = LoggerFactory.getLogger("io.phoenix.grid");

    private BundleContext context;
    private GridNodeRunner runner;
    /** Why the grid cannot run in this JVM at all ({@link JvmOptionsCheck}), or {@code null}; then no runner exists. */
    private GridStatus unusable;
    private GridSettings fallback;
    /** The settings last applied; {@code null} before the first valid configuration. Guarded by this. */
    private NodeSettings applied;
    /** The Ignite service; set and cleared on the runner's lifecycle thread only. */
    private volatile ServiceRegistration<Ignite> registration;

    @Activate
    void activate(BundleContext bundleContext, GridConfig config) {
        context = bundleContext;
        String karafName = System.getProperty("karaf.name", "phoenix");
        fallback = new GridSettings("phoenix", karafName, 1, true, 1024, Duration.ofMillis(3000));
        // Before any Ignite class is initialised: a JVM without the options breaks Ignite for good (see the check).
        String missing = JvmOptionsCheck.problem(GridComponent.class.getModule());
        if (missing != null) {
            LOG.error("Phoenix grid: the grid node cannot start: {}", missing);
            unusable = new GridStatus(GridStatus.State.FAILED, nodeId(config, karafName), 0, missing, List.of(),
                    bundleContext.getBundle().getVersion().toString(), "");
            return;
        }
        runner = new GridNodeRunner(new ServicePublisher(), fallback);
        apply(config);
    }

    @Modified
    void modified(GridConfig config) {
        if (runner != null) {
            apply(config);
        }
    }

    @Deactivate
    void deactivate() {
        if (runner != null) {
            runner.close();
        }
    }

    /** The settings {@code config} maps to in this JVM's environment. */
    private NodeSettings settingsOf(GridConfig config) {
        Map<String, String> system = new HashMap<>();
        for (String key : new String[] {"karaf.name", "karaf.data", "karaf.base"}) {
            String value = System.getProperty(key);
            if (value != null) {
                system.put(key, value);
            }
        }
        return GridConfigMapping.toSettings(config, System.getenv(), system, context.getBundle().getVersion().toString());
    }

    /** The node id the configuration gives (e.g. PHOENIX_NODE_ID), or {@code fallback} if it is invalid. */
    private String nodeId(GridConfig config, String fallback) {
        try {
            return settingsOf(config).nodeId();
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private synchronized void apply(GridConfig config) {
        NodeSettings next;
        try {
            next = settingsOf(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Phoenix grid: the grid node is not started: {}", e.getMessage());
            applied = null;
            runner.fail(e.getMessage());
            return;
        }
        if (next.equals(applied)) {
            return;
        }
        if (applied != null) {
            LOG.info("Phoenix grid: configuration changed, restarting grid node {} (the Ignite service goes away "
                    + "and comes back as a new instance)", applied.nodeId());
        }
        applied = next;
        logTransport(next);
        runner.start(next);
    }

    /** Says whether the grid's sockets use TLS, and warns when they are reachable from other hosts without it. */
    private static void logTransport(NodeSettings next) {
        if (next.tls().enabled()) {
            LOG.info("Phoenix grid: discovery and communication use {}", next.tls());
        } else if (exposedWithoutTls(next)) {
            LOG.warn("Phoenix grid: discovery and communication listen on {} without TLS: any process that reaches "
                    + "these ports can join the cluster and read every agent's state. Set tls.enabled (see "
                    + "docs/operations.md, Securing a cluster)", next.localAddress());
        }
    }

    /** Whether other hosts may reach the grid's sockets while they run without TLS. */
    static boolean exposedWithoutTls(NodeSettings settings) {
        if (settings.tls().enabled()) {
            return false;
        }
        try {
            return !InetAddress.getByName(settings.localAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return true; // Ignite reports the unresolvable address itself; say the rest anyway
        }
    }

    @Override
    public GridSettings settings() {
        return runner == null ? fallback : runner.settings();
    }

    @Override
    public int quorumSize() {
        return runner.quorumSize();
    }

    @Override
    public GridStatus status() {
        return runner == null ? unusable : runner.status();
    }

    /**
     * Registers the joined node as the {@code Ignite} service, and unregisters it before it stops. Both run on the
     * runner's lifecycle thread, one after the other.
     */
    private final class ServicePublisher implements GridNodeRunner.Publisher {

        @Override
        public void publish(Ignite ignite, NodeSettings settings) {
            Map<String, Object> properties = Map.of(PROP_NODE_ID, settings.nodeId(),
                    PROP_CLUSTER_NAME, settings.grid().clusterName());
            // No lock held: consumers (the cluster bundle) activate inside this call.
            registration = context.registerService(Ignite.class, ignite, FrameworkUtil.asDictionary(properties));
        }

        @Override
        public void withdraw() {
            ServiceRegistration<Ignite> current = registration;
            registration = null;
            if (current != null) {
                try {
                    current.unregister();
                } catch (IllegalStateException e) {
                    // already gone with the bundle
                }
            }
        }
    }
}
