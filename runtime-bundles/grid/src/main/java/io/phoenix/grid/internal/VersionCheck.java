package io.phoenix.grid.internal;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.internal.IgniteVersionUtils;
import org.apache.ignite.lang.IgniteProductVersion;
import org.apache.ignite.plugin.CachePluginContext;
import org.apache.ignite.plugin.CachePluginProvider;
import org.apache.ignite.plugin.ExtensionRegistry;
import org.apache.ignite.plugin.IgnitePlugin;
import org.apache.ignite.plugin.PluginConfiguration;
import org.apache.ignite.plugin.PluginContext;
import org.apache.ignite.plugin.PluginProvider;
import org.apache.ignite.plugin.PluginValidationException;

/**
 * Refuses nodes that must not join this cluster: another cluster name, another Phoenix version, another Ignite
 * version. (A node id already taken is refused by Ignite itself: the node id is the consistent id.) Ignite asks this plugin on the node that admits a joining node (the coordinator); a refused node's
 * start fails with our message, so it neither joins nor runs as a second cluster. (Nodes of an Ignite version
 * whose discovery protocol differs never get this far — see {@link ForeignNodeProbe}.)
 */
final class VersionCheck implements PluginProvider<PluginConfiguration> {

    /** Node attribute: the Phoenix version of a node. */
    static final String ATTR_PHOENIX_VERSION = "phoenix.version";
    /** Node attribute: the cluster name a node wants to belong to. */
    static final String ATTR_CLUSTER_NAME = "phoenix.cluster.name";
    /** Node attribute: the Phoenix node id. */
    static final String ATTR_NODE_ID = "phoenix.node.id";
    /** Node attribute: the Ignite version a node runs (also in {@link ClusterNode#version()}). */
    static final String ATTR_IGNITE_VERSION = "phoenix.ignite.version";
    /** Start of every message this check produces, so that the refused node can find it among Ignite's causes. */
    static final String PREFIX = "Phoenix grid: ";

    private final String clusterName;
    private final String phoenixVersion;
    private final Consumer<String> onRefusal;

    /**
     * @param clusterName this node's cluster name
     * @param phoenixVersion this node's Phoenix version
     * @param onRefusal told, with a one-line explanation, each time a node is refused
     */
    VersionCheck(String clusterName, String phoenixVersion, Consumer<String> onRefusal) {
        this.clusterName = Objects.requireNonNull(clusterName);
        this.phoenixVersion = Objects.requireNonNull(phoenixVersion);
        this.onRefusal = Objects.requireNonNull(onRefusal);
    }

    /**
     * Why a node with these attributes may not join, or {@code null} if it may.
     *
     * @param otherCluster its cluster name attribute
     * @param otherPhoenix its Phoenix version attribute
     * @param otherIgnite its Ignite version (major.minor.maintenance)
     * @return the reason, without the prefix, or {@code null}
     */
    String mismatch(Object otherCluster, Object otherPhoenix, String otherIgnite) {
        if (!clusterName.equals(otherCluster)) {
            return "cluster name '" + otherCluster + "' differs from this cluster's '" + clusterName + "'";
        }
        if (!phoenixVersion.equals(otherPhoenix)) {
            return "Phoenix version " + otherPhoenix + " differs from this cluster's " + phoenixVersion
                    + " (nodes of different Phoenix versions do not form one cluster)";
        }
        String ignite = localIgniteVersion();
        if (!ignite.equals(otherIgnite)) {
            return "Ignite version " + otherIgnite + " differs from this cluster's " + ignite;
        }
        return null;
    }

    static String localIgniteVersion() {
        return shortVersion(IgniteVersionUtils.VER);
    }

    private static String shortVersion(IgniteProductVersion version) {
        return version.major() + "." + version.minor() + "." + version.maintenance();
    }

    /** Called by Ignite (through the default two-argument form) on the node that admits {@code node}. */
    @Override
    @SuppressWarnings("deprecation")
    public void validateNewNode(ClusterNode node) throws PluginValidationException {
        String reason = mismatch(node.attribute(ATTR_CLUSTER_NAME), node.attribute(ATTR_PHOENIX_VERSION),
                shortVersion(node.version()));
        if (reason != null) {
            Object who = node.attribute(ATTR_NODE_ID) != null ? node.attribute(ATTR_NODE_ID) : node.consistentId();
            String local = PREFIX + "refused node " + who + " " + node.addresses() + ": " + reason;
            onRefusal.accept(local);
            throw new PluginValidationException(local, PREFIX + "cluster '" + clusterName + "' refused this node: "
                    + reason, node.id());
        }
    }

    @Override
    public String name() {
        return "phoenix-version-check";
    }

    @Override
    public String version() {
        return phoenixVersion;
    }

    @Override
    public String copyright() {
        return "";
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends IgnitePlugin> T plugin() {
        return (T) new IgnitePlugin() {
        };
    }

    @Override
    public void initExtensions(PluginContext ctx, ExtensionRegistry registry) {
        // no extensions
    }

    @Override
    public <T> T createComponent(PluginContext ctx, Class<T> cls) {
        return null;
    }

    @Override
    @SuppressWarnings("rawtypes") // as declared by PluginProvider
    public CachePluginProvider createCacheProvider(CachePluginContext ctx) {
        return null;
    }

    @Override
    public void start(PluginContext ctx) throws IgniteCheckedException {
        // nothing to start
    }

    @Override
    public void stop(boolean cancel) throws IgniteCheckedException {
        // nothing to stop
    }

    @Override
    public void onIgniteStart() throws IgniteCheckedException {
        // nothing to do
    }

    @Override
    public void onIgniteStop(boolean cancel) {
        // nothing to do
    }

    @Override
    public Serializable provideDiscoveryData(UUID nodeId) {
        return null;
    }

    @Override
    public void receiveDiscoveryData(UUID nodeId, Serializable data) {
        // none exchanged
    }
}
