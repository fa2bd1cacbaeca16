package io.phoenix.cluster.internal;

import io.phoenix.cluster.internal.placement.Candidate;
import io.phoenix.cluster.internal.placement.LoadWeights;
import io.phoenix.cluster.internal.placement.Pin;
import io.phoenix.cluster.internal.placement.PlacementChooser;
import io.phoenix.cluster.internal.placement.PlacementConfig;
import io.phoenix.cluster.internal.placement.PlacementPolicy;
import io.phoenix.cluster.internal.placement.PlacementRules;
import io.phoenix.runtime.spi.AgentHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.lang.IgniteBiPredicate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps policy-placed agents where their policy wants them, on each node for the agents recorded on it:
 * <ul>
 *   <li>agents recorded on a node that left, which this node now hosts by the policy's fallback, are recorded here
 *       (so they do not all move back if a node of that name returns);</li>
 *   <li>for each least-loaded type, when this node hosts more than {@code rebalance.tolerance.percent} above the mean
 *       of the nodes the type may use, it moves agents of that type (not ones an operator migrated) to the least
 *       loaded of them, down to the mean and at most {@code rebalance.max.moves} per pass.</li>
 * </ul>
 * Runs every {@code rebalance.interval.seconds}, and on every node when {@code phoenix:rebalance} asks.
 */
@Component(immediate = true, configurationPid = PlacementConfig.PID)
public class PolicyRebalancer {

    /** The grid message topic on which a rebalancing pass is requested from every node. */
    static final String TOPIC = "phoenix-policy-rebalance";

    private static final Logger LOG = LoggerFactory.getLogger(PolicyRebalancer.class);
    private static final long MOVE_WAIT_SECONDS = 30;

    @Reference
    Ignite ignite;

    @Reference
    AgentHost host;

    @Reference
    AffinityPlacement placement;

    @Reference
    NodeLoadBoard loads;

    @Reference
    ClusterManagementService management;

    private ScheduledExecutorService passes;
    private IgniteBiPredicate<java.util.UUID, Object> requests;

    @Activate
    void activate(PlacementConfig config) {
        activate(Duration.ofSeconds(Math.max(0, config.rebalance_interval_seconds())));
    }

    /** @param every the period of passes; zero: only on request */
    void activate(Duration every) {
        passes = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "phoenix-policy-rebalance");
            thread.setDaemon(true);
            return thread;
        });
        long interval = every.toMillis();
        if (interval > 0) {
            passes.scheduleWithFixedDelay(this::passSafely, interval, interval, TimeUnit.MILLISECONDS);
        }
        requests = (from, message) -> {
            passes.execute(this::passSafely);
            return true;
        };
        ignite.message().localListen(TOPIC, requests);
    }

    @Deactivate
    void deactivate() {
        ignite.message().stopLocalListen(TOPIC, requests);
        passes.shutdownNow();
    }

    /** Asks every node (this one included) for a pass. */
    static void requestEverywhere(Ignite ignite) {
        ignite.message(ignite.cluster().forServers()).send(TOPIC, "pass");
    }

    private void passSafely() {
        try {
            int moved = pass();
            if (moved > 0) {
                LOG.info("placement rebalancing: {} agents moved to less loaded nodes", moved);
            }
        } catch (RuntimeException e) {
            LOG.warn("placement rebalancing pass failed: {}", e.toString());
        }
    }

    /**
     * One pass.
     *
     * @return the number of agents moved
     */
    int pass() {
        PlacementRules rules = placement.rules();
        if (!rules.anyRecorded()) {
            return 0;
        }
        String self = host.nodeId();
        Map<String, List<String>> movableHere = new TreeMap<>();
        for (Map.Entry<String, String> recorded : Map.copyOf(placement.recordedPlacements()).entrySet()) {
            Pin pin = Pin.decode(recorded.getValue());
            if (!AgentCaches.alive(ignite, pin.nodeId())) {
                adoptIfHere(recorded.getKey(), recorded.getValue(), pin, self);
            } else if (pin.nodeId().equals(self) && !pin.manual() && pin.agentType() != null
                    && rules.policyFor(pin.agentType()).strategy() == PlacementPolicy.Strategy.LEAST_LOADED) {
                movableHere.computeIfAbsent(pin.agentType(), ignored -> new ArrayList<>()).add(recorded.getKey());
            }
        }
        int budget = rules.maxMovesPerPass();
        List<CompletableFuture<?>> moves = new ArrayList<>();
        for (Map.Entry<String, List<String>> type : movableHere.entrySet()) {
            budget -= moveExcess(type.getValue(), rules.policyFor(type.getKey()), rules, self, budget, moves);
        }
        try {
            CompletableFuture.allOf(moves.toArray(new CompletableFuture[0])).get(MOVE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("placement rebalancing: some of {} moves did not finish: {}", moves.size(), e.toString());
        }
        return moves.size();
    }

    private void adoptIfHere(String agentId, String stored, Pin pin, String self) {
        if (self.equals(placement.nodeFor(agentId, pin.agentType()))) {
            placement.repin(agentId, stored, new Pin(self, pin.agentType(), pin.manual()));
        }
    }

    /** @return how many moves it started */
    private int moveExcess(List<String> agents, PlacementPolicy policy, PlacementRules rules, String self, int budget,
                           List<CompletableFuture<?>> moves) {
        List<Candidate> candidates = placement.candidates(policy);
        List<Candidate> others = new ArrayList<>(candidates);
        others.removeIf(candidate -> candidate.nodeId().equals(self));
        if (budget <= 0 || others.isEmpty() || others.size() == candidates.size()) {
            return 0;
        }
        long here = host.localAgents();
        double mean = LoadWeights.meanAgents(candidates, loads.pending());
        if (here <= mean * (1 + rules.tolerance())) {
            return 0;
        }
        int count = (int) Math.min(Math.min(budget, agents.size()), Math.round(here - mean));
        for (int i = 0; i < count; i++) {
            String target = PlacementChooser.leastLoaded(others, rules.weights(), loads.pending());
            loads.pending().placed(target);
            moves.add(management.move(agents.get(i), target, false).toCompletableFuture());
        }
        return count;
    }
}
