package io.phoenix.grid.internal;

import io.phoenix.grid.NodeAttributes;
import java.util.HashMap;
import java.util.Map;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.DataStorageConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.events.EventType;
import org.apache.ignite.failure.StopNodeFailureHandler;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.apache.ignite.ssl.SslContextFactory;

/**
 * Builds the Ignite configuration of one start from {@link NodeSettings}, with what STACK.md found to work
 * inside Karaf: static discovery, sockets bound to the configured address, no client connector (10800), no REST
 * connector (11211), no shared memory port (Ignite's default since 2.x, -1), bounded message queues, no peer class loading, an in-memory data region of the configured
 * size, SLF4J logging, and a failure handler that stops the Ignite node instead of halting the whole JVM. With TLS
 * on, discovery and communication both use Ignite's {@link SslContextFactory}, whose server sockets always require
 * a client certificate (mutual authentication).
 */
final class IgniteConfigFactory {

    /** Most a join may take before the start fails (0 would wait forever, and block a bundle stop with it). */
    static final long JOIN_TIMEOUT_MS = 60_000;
    /** Most messages queued per connection before senders wait, as Ignite's documentation suggests. */
    static final int MESSAGE_QUEUE_LIMIT = 1024;
    private static final long MB = 1024L * 1024L;
    /** Initial off-heap size: the region grows up to its maximum as data comes. */
    private static final long INITIAL_REGION_MB = 32;

    private IgniteConfigFactory() {
    }

    /**
     * @param settings what to start
     * @param check the plugin that refuses mismatching nodes
     * @return a new configuration
     */
    static IgniteConfiguration create(NodeSettings settings, VersionCheck check) {
        TcpDiscoveryVmIpFinder ipFinder = new TcpDiscoveryVmIpFinder(false);
        ipFinder.setAddresses(settings.discoveryAddresses());
        TcpDiscoverySpi discovery = new TcpDiscoverySpi()
                .setLocalAddress(settings.localAddress())
                .setLocalPort(settings.discoveryPort())
                .setLocalPortRange(settings.discoveryPortRange())
                .setJoinTimeout(JOIN_TIMEOUT_MS)
                .setIpFinder(ipFinder);

        TcpCommunicationSpi communication = new TcpCommunicationSpi();
        communication.setLocalAddress(settings.localAddress());
        communication.setLocalPort(settings.communicationPort());
        communication.setLocalPortRange(settings.communicationPortRange());
        // Back-pressure instead of unbounded queues (Ignite warns at start about the default 0 = unlimited).
        communication.setMessageQueueLimit(MESSAGE_QUEUE_LIMIT);

        long maxRegion = settings.dataRegionMb() * MB;
        DataStorageConfiguration storage = new DataStorageConfiguration()
                .setDefaultDataRegionConfiguration(new DataRegionConfiguration()
                        .setName("default")
                        .setInitialSize(Math.min(maxRegion, INITIAL_REGION_MB * MB))
                        .setMaxSize(maxRegion));

        IgniteConfiguration configuration = igniteConfiguration(settings, check, discovery, communication, storage);
        if (settings.tls().enabled()) {
            configuration.setSslContextFactory(sslContextFactory(settings.tls()));
        }
        return configuration;
    }

    /** Ignite's factory over the node's key and trust stores (it loads them when the node starts). */
    static SslContextFactory sslContextFactory(TlsSettings tls) {
        SslContextFactory factory = new SslContextFactory();
        factory.setProtocol(tls.protocol());
        factory.setKeyStoreFilePath(tls.keyStore().toString());
        factory.setKeyStorePassword(tls.keyStorePassword().toCharArray());
        factory.setKeyStoreType(tls.keyStoreType());
        factory.setTrustStoreFilePath(tls.trustStore().toString());
        factory.setTrustStorePassword(tls.trustStorePassword().toCharArray());
        factory.setTrustStoreType(tls.trustStoreType());
        return factory;
    }

    /** Phoenix's own attributes, which every node sees in the topology without asking. */
    private static Map<String, Object> userAttributes(NodeSettings settings) {
        Map<String, Object> attributes = new HashMap<>(NodeAttributes.toUserAttributes(settings.attributes()));
        attributes.put(VersionCheck.ATTR_PHOENIX_VERSION, settings.phoenixVersion());
        attributes.put(VersionCheck.ATTR_CLUSTER_NAME, settings.grid().clusterName());
        attributes.put(VersionCheck.ATTR_NODE_ID, settings.nodeId());
        attributes.put(VersionCheck.ATTR_IGNITE_VERSION, VersionCheck.localIgniteVersion());
        return attributes;
    }

    private static IgniteConfiguration igniteConfiguration(NodeSettings settings, VersionCheck check,
            TcpDiscoverySpi discovery, TcpCommunicationSpi communication, DataStorageConfiguration storage) {
        return new IgniteConfiguration()
                .setIgniteInstanceName(settings.nodeId())
                .setConsistentId(settings.nodeId())
                .setWorkDirectory(settings.workDirectory().toString())
                .setGridLogger(new Slf4jIgniteLogger())
                .setLocalHost(settings.localAddress())
                .setUserAttributes(userAttributes(settings))
                .setPluginProviders(check)
                .setDiscoverySpi(discovery)
                .setCommunicationSpi(communication)
                .setFailureDetectionTimeout(settings.grid().failureDetectionTimeout().toMillis())
                .setDataStorageConfiguration(storage)
                .setPeerClassLoadingEnabled(false)
                .setClientConnectorConfiguration(null)
                .setConnectorConfiguration(null)
                .setMetricsLogFrequency(0)
                .setFailureHandler(new StopNodeFailureHandler())
                .setIncludeEventTypes(EventType.EVT_NODE_JOINED, EventType.EVT_NODE_LEFT, EventType.EVT_NODE_FAILED,
                        EventType.EVT_NODE_SEGMENTED);
    }
}
