package io.phoenix.cluster.internal;

import io.phoenix.grid.GridSettings;
import java.util.Objects;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.cluster.ClusterNode;

/**
 * The grid caches Phoenix keeps its agents in. All are keyed by agent id; the directory and the state
 * use the same affinity, so an agent's entry and its state live on the same primary node — the node
 * that hosts the agent — and reads on the hot path are local. Values are plain strings and byte arrays,
 * so the grid never needs a class of ours or of an agent bundle.
 */
final class AgentCaches {

    /** agent id → "type␟holder": which agents exist and which node holds each one's activation. */
    static final String DIRECTORY = "phoenix-directory";
    /** agent id → encoded committed state. */
    static final String STATE = "phoenix-state";
    /**
     * agent id → recorded placement ({@link io.phoenix.cluster.internal.placement.Pin}): agents pinned by a migration
     * or placed by a policy (replicated everywhere; affinity-placed agents have no entry).
     */
    static final String PINS = "phoenix-pins";
    /** node id → grid node UUID: nodes whose runtime serves requests (replicated everywhere). */
    static final String READY = "phoenix-ready";

    private AgentCaches() {
    }

    static IgniteCache<String, String> directory(Ignite ignite, GridSettings settings) {
        // Claims must never be lost on failover, whatever the state replication mode.
        CacheConfiguration<String, String> config = settings.cacheConfiguration(DIRECTORY);
        config.setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC);
        return ignite.getOrCreateCache(config);
    }

    static IgniteCache<String, byte[]> state(Ignite ignite, GridSettings settings) {
        return ignite.getOrCreateCache(settings.<String, byte[]>cacheConfiguration(STATE));
    }

    static IgniteCache<String, String> pins(Ignite ignite) {
        return ignite.getOrCreateCache(new CacheConfiguration<String, String>(PINS)
                .setCacheMode(CacheMode.REPLICATED)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC));
    }

    /** node id → its last published load ({@link io.phoenix.cluster.internal.placement.NodeLoad}), replicated. */
    static final String LOAD = "phoenix-load";

    static IgniteCache<String, String> load(Ignite ignite) {
        return ignite.getOrCreateCache(new CacheConfiguration<String, String>(LOAD)
                .setCacheMode(CacheMode.REPLICATED)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.PRIMARY_SYNC));
    }

    static IgniteCache<String, String> ready(Ignite ignite) {
        return ignite.getOrCreateCache(new CacheConfiguration<String, String>(READY)
                .setCacheMode(CacheMode.REPLICATED)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC));
    }

    /** The Phoenix node id of a grid node: its consistent id. */
    static String nodeId(ClusterNode node) {
        return String.valueOf(node.consistentId());
    }

    static ClusterNode serverNode(Ignite ignite, String nodeId) {
        for (ClusterNode node : ignite.cluster().forServers().nodes()) {
            if (Objects.equals(nodeId, nodeId(node))) {
                return node;
            }
        }
        return null;
    }

    static boolean alive(Ignite ignite, String nodeId) {
        return serverNode(ignite, nodeId) != null;
    }
}
