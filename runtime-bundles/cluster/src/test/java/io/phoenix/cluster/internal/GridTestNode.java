package io.phoenix.cluster.internal;

import io.phoenix.agent.api.AgentContext;
import io.phoenix.agent.api.AgentType;
import io.phoenix.cluster.internal.placement.PlacementRules;
import io.phoenix.grid.GridNode;
import io.phoenix.grid.GridSettings;
import io.phoenix.grid.GridStatus;
import io.phoenix.grid.NodeAttributes;
import io.phoenix.runtime.core.internal.LocalRuntime;
import io.phoenix.runtime.core.internal.RuntimeSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.DataStorageConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.events.EventType;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.osgi.framework.Version;

/**
 * One Phoenix node without Karaf: a real Ignite server node, a runtime, and the cluster components
 * wired by hand the way DS wires them. Several of these in one JVM form a real (loopback) cluster.
 */
public final class GridTestNode implements AutoCloseable {

    record Count(long value) {
    }

    record Op(String op, long by) {
    }

    /** A counter agent type for the tests, named "counter" unless given another name. */
    static class Counter implements AgentType<Count, Op> {
        private final String name;

        Counter() {
            this("counter");
        }

        Counter(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Class<Count> stateType() {
            return Count.class;
        }

        @Override
        public Class<Op> messageType() {
            return Op.class;
        }

        @Override
        public Count initialState(String agentId) {
            return new Count(0);
        }

        @Override
        public Object handle(AgentContext<Count> context, Op message) {
            if ("inc".equals(message.op())) {
                context.setState(new Count(context.state().value() + message.by()));
            }
            return context.state();
        }
    }

    final String id;
    final Ignite ignite;
    /** The quorum the node's commits are checked against (0: none); tests set it. */
    volatile int quorum;
    final GridNode grid;
    final LocalRuntime runtime;
    private final IgniteDirectory directory = new IgniteDirectory();
    private final IgniteStateStore store = new IgniteStateStore();
    final CommitGuard guard = new CommitGuard();
    final OwnershipLeaseKeeper keeper = new OwnershipLeaseKeeper();
    final AffinityPlacement placement = new AffinityPlacement();
    final MessagingTransport transport = new MessagingTransport();
    private final TopologyWatcher watcher = new TopologyWatcher();
    final ClusterManagementService management = new ClusterManagementService();
    final NodeLoadBoard loads = new NodeLoadBoard();
    final PolicyRebalancer rebalancer = new PolicyRebalancer();

    GridTestNode(String id, int basePort) {
        this(id, basePort, true);
    }

    /**
     * @param id the node id
     * @param basePort the discovery port of the cluster's first node; all nodes search that range
     * @param synchronous whether state replication is synchronous
     */
    GridTestNode(String id, int basePort, boolean synchronous) {
        this(id, basePort, synchronous, Map.of(), PlacementRules.DEFAULTS);
    }

    /**
     * @param id the node id
     * @param basePort the discovery port of the cluster's first node; all nodes search that range
     * @param synchronous whether state replication is synchronous
     * @param attributes the node's attributes
     * @param rules the placement rules (no periodic rebalancing is started here: tests call {@code rebalancer.pass()})
     */
    GridTestNode(String id, int basePort, boolean synchronous, Map<String, String> attributes, PlacementRules rules) {
        this.id = id;
        GridSettings settings = new GridSettings("phoenix-test", id, 1, synchronous, 128, Duration.ofSeconds(3));
        this.grid = new GridNode() {
            @Override
            public GridSettings settings() {
                return settings;
            }

            @Override
            public int quorumSize() {
                return quorum;
            }

            @Override
            public GridStatus status() {
                return new GridStatus(GridStatus.State.JOINED, id, ignite().cluster().forServers().nodes().size(), null,
                        List.of(), "test", "2.17.0");
            }
        };
        this.ignite = Ignition.start(config(id, basePort).setUserAttributes(NodeAttributes.toUserAttributes(attributes)));
        this.runtime = new LocalRuntime(RuntimeSettings.defaults(id).withDispatcherThreads(2), Clock.systemUTC());
        runtime.addType(new Counter(), new Version(1, 0, 0), "test", 1);
        runtime.addType(new Counter("other"), new Version(1, 0, 0), "test", 1);
        loads.ignite = ignite;
        loads.grid = grid;
        loads.host = runtime;
        loads.activate(Duration.ofMillis(100));
        placement.ignite = ignite;
        placement.grid = grid;
        placement.loads = loads;
        placement.activate(rules);
        directory.ignite = ignite;
        directory.grid = grid;
        directory.placement = placement;
        directory.activate();
        guard.ignite = ignite;
        guard.grid = grid;
        guard.activate();
        store.ignite = ignite;
        store.grid = grid;
        store.guard = guard;
        store.activate();
        transport.ignite = ignite;
        transport.host = runtime;
        transport.activate();
        watcher.ignite = ignite;
        watcher.host = runtime;
        watcher.directory = directory;
        watcher.activate();
        management.ignite = ignite;
        management.grid = grid;
        management.host = runtime;
        management.placement = placement;
        management.directory = directory;
        management.transport = transport;
        rebalancer.ignite = ignite;
        rebalancer.host = runtime;
        rebalancer.placement = placement;
        rebalancer.loads = loads;
        rebalancer.management = management;
        runtime.attachCluster(placement, directory, store, transport);
        keeper.ignite = ignite;
        keeper.grid = grid;
        keeper.host = runtime;
        keeper.transport = transport;
        keeper.guard = guard;
        keeper.activate();
    }

    private Ignite ignite() {
        return ignite;
    }

    private static IgniteConfiguration config(String id, int basePort) {
        TcpDiscoveryVmIpFinder finder = new TcpDiscoveryVmIpFinder(false);
        finder.setAddresses(List.of("127.0.0.1:" + basePort + ".." + (basePort + 9)));
        TcpDiscoverySpi discovery = new TcpDiscoverySpi().setLocalAddress("127.0.0.1").setLocalPort(basePort)
                .setLocalPortRange(9).setIpFinder(finder);
        TcpCommunicationSpi communication = new TcpCommunicationSpi();
        communication.setLocalAddress("127.0.0.1");
        communication.setLocalPort(basePort + 100);
        communication.setSharedMemoryPort(-1);
        String workDirectory = System.getProperty("java.io.tmpdir") + "/phoenix-grid-test/" + id;
        return new IgniteConfiguration().setIgniteInstanceName(id).setConsistentId(id).setLocalHost("127.0.0.1")
                .setWorkDirectory(workDirectory)
                // a bounded region with metrics, so that footprint benchmarks can read what the caches use
                .setDataStorageConfiguration(new DataStorageConfiguration().setDefaultDataRegionConfiguration(
                        new DataRegionConfiguration().setName("default").setMaxSize(1L << 30).setMetricsEnabled(true)))
                .setDiscoverySpi(discovery).setCommunicationSpi(communication).setFailureDetectionTimeout(3_000)
                .setPeerClassLoadingEnabled(false).setClientConnectorConfiguration(null).setConnectorConfiguration(null)
                .setMetricsLogFrequency(0)
                .setIncludeEventTypes(EventType.EVT_NODE_JOINED, EventType.EVT_NODE_LEFT, EventType.EVT_NODE_FAILED,
                        EventType.EVT_NODE_SEGMENTED);
    }

    /** Stops the node abruptly: the grid node is cancelled, the runtime stops with it. */
    void kill() {
        Ignition.stop(id, true);
        runtime.close();
    }

    @Override
    public void close() {
        try {
            keeper.deactivate();
            watcher.deactivate();
            loads.deactivate();
            transport.deactivate();
            placement.deactivate();
            store.deactivate();
        } catch (RuntimeException ignored) {
            // already stopped by kill()
        }
        runtime.close();
        Ignition.stop(id, true);
    }
}
