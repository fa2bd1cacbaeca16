package io.phoenix.cluster.internal;

import io.phoenix.grid.GridNode;
import io.phoenix.runtime.spi.AgentPlacement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.Cache;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.EventType;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cache.query.ContinuousQuery;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.apache.ignite.cluster.ClusterNode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Placement by the grid's affinity function (rendezvous hashing over partitions): an agent lives on
 * the primary node of its id's partition, and every node computes the same answer locally. Agents
 * pinned by a migration are looked up first, in a node-local copy of the small replicated pin cache
 * kept current by a continuous query, so the hot path never leaves the node.
 */
@Component(service = {AgentPlacement.class, AffinityPlacement.class})
public class AffinityPlacement implements AgentPlacement {

    @Reference
    Ignite ignite;

    @Reference
    GridNode grid;

    private Affinity<String> affinity;
    private IgniteCache<String, String> pinCache;
    private final Map<String, String> pins = new ConcurrentHashMap<>();
    private QueryCursor<Cache.Entry<String, String>> pinWatch;
    /** node id → grid node UUID of nodes whose runtime serves requests. */
    private final Map<String, String> ready = new ConcurrentHashMap<>();
    private QueryCursor<Cache.Entry<String, String>> readyWatch;

    @Activate
    void activate() {
        AgentCaches.directory(ignite, grid.settings());
        affinity = ignite.affinity(AgentCaches.DIRECTORY);
        pinCache = AgentCaches.pins(ignite);
        pinWatch = mirror(pinCache, pins);
        readyWatch = mirror(AgentCaches.ready(ignite), ready);
    }

    /** Keeps a local copy of a small replicated cache, current through a continuous query. */
    private static QueryCursor<Cache.Entry<String, String>> mirror(IgniteCache<String, String> cache,
                                                                     Map<String, String> copy) {
        ContinuousQuery<String, String> query = new ContinuousQuery<>();
        query.setInitialQuery(new ScanQuery<>());
        query.setLocalListener(events -> {
            for (CacheEntryEvent<? extends String, ? extends String> event : events) {
                if (event.getEventType() == EventType.REMOVED || event.getEventType() == EventType.EXPIRED) {
                    copy.remove(event.getKey());
                } else {
                    copy.put(event.getKey(), event.getValue());
                }
            }
        });
        QueryCursor<Cache.Entry<String, String>> cursor = cache.query(query);
        for (Cache.Entry<String, String> existing : cursor) {
            copy.put(existing.getKey(), existing.getValue());
        }
        return cursor;
    }

    @Deactivate
    void deactivate() {
        pinWatch.close();
        readyWatch.close();
    }

    @Override
    public String nodeFor(String agentId, String agentType) {
        String pinned = pins.get(agentId);
        if (pinned != null && AgentCaches.alive(ignite, pinned)) {
            return pinned;
        }
        return byAffinity(agentId);
    }

    /**
     * The primary of the agent's partition — unless its runtime does not serve requests yet (a node
     * that just joined), then the first backup that does. The agent moves to the primary by the usual
     * hand-off once the primary is ready, so a joining node never receives requests it cannot serve.
     */
    String byAffinity(String agentId) {
        ClusterNode primary = affinity.mapKeyToNode(agentId);
        if (primary == null) {
            throw new IllegalStateException("no server node in the topology");
        }
        if (isReady(primary)) {
            return AgentCaches.nodeId(primary); // the hot path: one local lookup
        }
        Collection<ClusterNode> owners = affinity.mapKeyToPrimaryAndBackups(agentId);
        for (ClusterNode owner : owners) {
            if (isReady(owner)) {
                return AgentCaches.nodeId(owner);
            }
        }
        return AgentCaches.nodeId(primary);
    }

    private boolean isReady(ClusterNode node) {
        String readyAs = ready.get(AgentCaches.nodeId(node));
        return readyAs != null && readyAs.equals(node.id().toString());
    }

    @Override
    public List<String> nodes() {
        List<String> ids = new ArrayList<>();
        for (ClusterNode node : ignite.cluster().forServers().nodes()) {
            ids.add(AgentCaches.nodeId(node));
        }
        ids.sort(String::compareTo);
        return ids;
    }

    boolean pinned(String agentId) {
        return pins.containsKey(agentId);
    }

    void pin(String agentId, String nodeId) {
        pinCache.put(agentId, nodeId);
        pins.put(agentId, nodeId); // visible here at once; other nodes learn it from the continuous query
    }

    void unpin(String agentId) {
        pinCache.remove(agentId);
        pins.remove(agentId);
    }
}
