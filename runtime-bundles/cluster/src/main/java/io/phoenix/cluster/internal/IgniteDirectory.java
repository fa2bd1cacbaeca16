package io.phoenix.cluster.internal;

import io.phoenix.grid.GridNode;
import io.phoenix.runtime.spi.AgentDirectory;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.cache.Cache;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The agent directory in the grid. A claim is a compare-and-set on the agent's entry, granted only
 * when nobody holds the agent, the claimer already does, or the holder has left the topology — which
 * is what keeps a healthy cluster at one activation per agent.
 */
@Component(service = {AgentDirectory.class, IgniteDirectory.class})
public class IgniteDirectory implements AgentDirectory {

    private static final int CAS_ATTEMPTS = 16;

    @Reference
    Ignite ignite;

    @Reference
    GridNode grid;

    @Reference
    AffinityPlacement placement;

    private IgniteCache<String, String> entries;

    @Activate
    void activate() {
        entries = AgentCaches.directory(ignite, grid.settings());
    }

    @Override
    public boolean register(String agentId, String agentType, String nodeId) {
        return entries.putIfAbsent(agentId, DirectoryValue.encode(agentType, nodeId));
    }

    @Override
    public Optional<DirectoryEntry> lookup(String agentId) {
        String value = entries.get(agentId);
        return value == null ? Optional.empty() : Optional.of(DirectoryValue.decode(value));
    }

    @Override
    public Claim claim(String agentId, String nodeId) {
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            String current = entries.get(agentId);
            if (current == null) {
                return new Claim(Claim.Outcome.NOT_FOUND, null, null);
            }
            DirectoryEntry entry = DirectoryValue.decode(current);
            String holder = entry.holder();
            if (nodeId.equals(holder)) {
                return new Claim(Claim.Outcome.GRANTED, entry.agentType(), nodeId);
            }
            if (holder != null && AgentCaches.alive(ignite, holder)) {
                return new Claim(Claim.Outcome.HELD_ELSEWHERE, entry.agentType(), holder);
            }
            if (entries.replace(agentId, current, DirectoryValue.encode(entry.agentType(), nodeId))) {
                return new Claim(Claim.Outcome.GRANTED, entry.agentType(), nodeId);
            }
        }
        throw new IllegalStateException("claim of agent '" + agentId + "' kept racing; giving up for now");
    }

    @Override
    public void release(String agentId, String nodeId) {
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            String current = entries.get(agentId);
            if (current == null) {
                return;
            }
            DirectoryEntry entry = DirectoryValue.decode(current);
            if (!nodeId.equals(entry.holder())
                    || entries.replace(agentId, current, DirectoryValue.encode(entry.agentType(), null))) {
                return;
            }
        }
    }

    @Override
    public void remove(String agentId) {
        entries.remove(agentId);
        placement.forget(agentId);
    }

    /**
     * Agents whose entries this node holds as primary and whose holder is no longer in the cluster —
     * the agents of a failed node that this node now owns. Reads local memory only.
     *
     * @return agent id → type
     */
    Map<String, String> orphansPrimaryHere() {
        Map<String, String> orphans = new HashMap<>();
        for (Cache.Entry<String, String> entry : entries.localEntries(CachePeekMode.PRIMARY)) {
            DirectoryEntry decoded = DirectoryValue.decode(entry.getValue());
            if (decoded.holder() != null && !AgentCaches.alive(ignite, decoded.holder())) {
                orphans.put(entry.getKey(), decoded.agentType());
            }
        }
        return orphans;
    }
}
