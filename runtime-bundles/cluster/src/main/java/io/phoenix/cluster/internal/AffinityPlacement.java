package io.phoenix.cluster.internal;

import io.phoenix.agent.api.AgentUnavailableException;
import io.phoenix.cluster.internal.placement.Candidate;
import io.phoenix.cluster.internal.placement.Pin;
import io.phoenix.cluster.internal.placement.PlacementChooser;
import io.phoenix.cluster.internal.placement.PlacementConfig;
import io.phoenix.cluster.internal.placement.PlacementPolicy;
import io.phoenix.cluster.internal.placement.PlacementRules;
import io.phoenix.grid.GridNode;
import io.phoenix.grid.NodeAttributes;
import io.phoenix.runtime.spi.AgentPlacement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.Cache;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cluster.ClusterNode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where agents live. By default by the grid's affinity function (rendezvous hashing over partitions): an agent lives
 * on the primary node of its id's partition, and every node computes the same answer locally, with nothing stored.
 * Agents pinned by a migration, and agents of types with a placement policy (least loaded, nodes with certain
 * attributes; PID {@code io.phoenix.placement}), have their node recorded in a small replicated cache, which every
 * node mirrors in local memory: the hot path never leaves the node.
 */
@Component(service = {AgentPlacement.class, AffinityPlacement.class}, configurationPid = PlacementConfig.PID)
@Designate(ocd = PlacementConfig.class)
public class AffinityPlacement implements AgentPlacement {

    private static final Logger LOG = LoggerFactory.getLogger(AffinityPlacement.class);
    private static final int RECORD_ATTEMPTS = 8;

    @Reference
    Ignite ignite;

    @Reference
    GridNode grid;

    @Reference
    NodeLoadBoard loads;

    private volatile PlacementRules rules = PlacementRules.DEFAULTS;
    private Affinity<String> affinity;
    private IgniteCache<String, String> directory;
    private IgniteCache<String, String> pinCache;
    private final Map<String, String> pins = new ConcurrentHashMap<>();
    private QueryCursor<Cache.Entry<String, String>> pinWatch;
    /** node id → grid node UUID of nodes whose runtime serves requests. */
    private final Map<String, String> ready = new ConcurrentHashMap<>();
    private QueryCursor<Cache.Entry<String, String>> readyWatch;

    @Activate
    void activate(PlacementConfig config, Map<String, Object> properties) {
        activate(rulesOrDefaults(config, properties));
    }

    void activate(PlacementRules initial) {
        rules = initial;
        directory = AgentCaches.directory(ignite, grid.settings());
        affinity = ignite.affinity(AgentCaches.DIRECTORY);
        pinCache = AgentCaches.pins(ignite);
        pinWatch = CacheMirror.start(pinCache, pins, null);
        readyWatch = CacheMirror.start(AgentCaches.ready(ignite), ready, null);
    }

    /** A changed policy applies to agents created from now on; the rebalancer moves existing least-loaded ones. */
    @Modified
    void modified(PlacementConfig config, Map<String, Object> properties) {
        rules = rulesOrDefaults(config, properties);
    }

    private PlacementRules rulesOrDefaults(PlacementConfig config, Map<String, Object> properties) {
        try {
            PlacementRules parsed = PlacementRules.from(config, properties);
            LOG.info("placement policies: {}", parsed.policies().isEmpty() ? "none (affinity for every type)"
                    : parsed.policies());
            return parsed;
        } catch (IllegalArgumentException e) {
            LOG.error("etc/io.phoenix.placement.cfg ignored, {}; keeping the previous placement rules", e.getMessage());
            return rules;
        }
    }

    @Deactivate
    void deactivate() {
        pinWatch.close();
        readyWatch.close();
    }

    /** @return the rules in force */
    PlacementRules rules() {
        return rules;
    }

    @Override
    public String nodeFor(String agentId, String agentType) {
        String recorded = recorded(agentId, agentType);
        if (recorded == null) {
            return byAffinity(agentId);
        }
        Pin pin = Pin.decode(recorded);
        if (AgentCaches.alive(ignite, pin.nodeId())) {
            return pin.nodeId();
        }
        // Its node is gone: every node computes the same replacement from the type's policy.
        PlacementPolicy policy = rules.policyFor(agentType != null ? agentType : pin.agentType());
        return policy.records() ? byPolicy(agentId, policy) : byAffinity(agentId);
    }

    @Override
    public String nodeForNew(String agentId, String agentType) {
        PlacementPolicy policy = rules.policyFor(agentType);
        if (!policy.records()) {
            return nodeFor(agentId, agentType);
        }
        for (int attempt = 0; attempt < RECORD_ATTEMPTS; attempt++) {
            String recorded = recorded(agentId, agentType);
            if (recorded != null && AgentCaches.alive(ignite, Pin.decode(recorded).nodeId())) {
                return Pin.decode(recorded).nodeId(); // placed already (this is the forwarded spawn, or a retry)
            }
            if (recorded == null && directory.containsKey(agentId)) {
                // The id exists, placed before its type had a policy: the spawn fails where it lives, and
                // recording a node now would move the existing agent.
                return nodeFor(agentId, agentType);
            }
            List<Candidate> candidates = candidates(policy);
            if (candidates.isEmpty()) {
                throw new AgentUnavailableException(agentId, "no node can host agent '" + agentId + "' now: type '"
                        + agentType + "' is placed '" + policy + "' and no node in the cluster matches");
            }
            String chosen = policy.strategy() == PlacementPolicy.Strategy.LEAST_LOADED
                    ? PlacementChooser.leastLoaded(candidates, rules.weights(), loads.pending())
                    : PlacementChooser.byHash(agentId, candidates);
            String value = new Pin(chosen, agentType, false).encode();
            boolean stored = recorded == null ? pinCache.putIfAbsent(agentId, value)
                    : pinCache.replace(agentId, recorded, value);
            if (stored) {
                pins.put(agentId, value);
                loads.pending().placed(chosen);
                return chosen;
            }
        }
        throw new AgentUnavailableException(agentId, "the placement of agent '" + agentId + "' kept changing; retry");
    }

    /** The recorded placement: the local mirror, or (it may lag a placement made a moment ago) the local replica. */
    private String recorded(String agentId, String agentType) {
        String recorded = pins.get(agentId);
        if (recorded == null && rules.anyRecorded() && (agentType == null || rules.policyFor(agentType).records())) {
            recorded = pinCache.localPeek(agentId);
        }
        return recorded;
    }

    /** By the policy's filter and a hash of the id; by affinity if no node matches the filter now. */
    String byPolicy(String agentId, PlacementPolicy policy) {
        List<Candidate> candidates = candidates(policy);
        return candidates.isEmpty() ? byAffinity(agentId) : PlacementChooser.byHash(agentId, candidates);
    }

    /**
     * @param policy a placement policy
     * @return the nodes that serve requests and match the policy's filter, with their load
     */
    List<Candidate> candidates(PlacementPolicy policy) {
        List<Candidate> candidates = new ArrayList<>();
        for (ClusterNode node : ignite.cluster().forServers().nodes()) {
            String nodeId = AgentCaches.nodeId(node);
            Map<String, String> attributes = NodeAttributes.of(node);
            if (isReady(node) && policy.accepts(nodeId, attributes)) {
                candidates.add(new Candidate(nodeId, attributes, loads.loadOf(nodeId)));
            }
        }
        return candidates;
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

    /** @return the recorded placements this node knows (agent id → stored {@link Pin}); a live view */
    Map<String, String> recordedPlacements() {
        return pins;
    }

    /**
     * Records an agent's node.
     *
     * @param agentId the agent
     * @param pin where it goes, and why
     */
    void pin(String agentId, Pin pin) {
        String value = pin.encode();
        pinCache.put(agentId, value);
        pins.put(agentId, value); // visible here at once; other nodes learn it from the continuous query
    }

    /**
     * Replaces a recorded placement only if it is still {@code expected} (a concurrent move wins).
     *
     * @return whether it was replaced
     */
    boolean repin(String agentId, String expected, Pin pin) {
        String value = pin.encode();
        if (pinCache.replace(agentId, expected, value)) {
            pins.put(agentId, value);
            return true;
        }
        return false;
    }

    /** Forgets an agent's recorded placement (it was stopped); nothing to do for affinity-placed agents. */
    void forget(String agentId) {
        if (pins.containsKey(agentId) || rules.anyRecorded() && pinCache.localPeek(agentId) != null) {
            pinCache.remove(agentId);
            pins.remove(agentId);
        }
    }
}
