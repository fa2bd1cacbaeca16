package io.phoenix.cluster.internal.placement;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The placement configuration of PID {@code io.phoenix.placement}: a policy per agent type ({@code type.NAME = ...})
 * and how load is scored and rebalanced.
 *
 * @param policies type name → policy; types not named use plain affinity
 * @param weights how load scores are made
 * @param rebalanceInterval how often each node looks for agents to move (zero: never by itself)
 * @param tolerance how far above the mean (fraction) a node's agent count may be before agents move away
 * @param maxMovesPerPass most agents one node moves in one rebalancing pass
 * @param loadPublishInterval how often each node publishes its load
 */
public record PlacementRules(Map<String, PlacementPolicy> policies, LoadWeights weights, Duration rebalanceInterval,
                             double tolerance, int maxMovesPerPass, Duration loadPublishInterval) {

    /** Key prefix of per-type policies. */
    public static final String TYPE_PREFIX = "type.";

    /** No policies, shipped defaults. */
    public static final PlacementRules DEFAULTS = new PlacementRules(Map.of(), LoadWeights.DEFAULTS,
            Duration.ofSeconds(30), 0.2, 100, Duration.ofSeconds(1));

    /** Copies the policies. */
    public PlacementRules {
        policies = Map.copyOf(policies);
    }

    /**
     * @param agentType a type name, or {@code null}
     * @return its policy; plain affinity if it has none or the type is unknown
     */
    public PlacementPolicy policyFor(String agentType) {
        return agentType == null ? PlacementPolicy.AFFINITY : policies.getOrDefault(agentType, PlacementPolicy.AFFINITY);
    }

    /** @return whether any type's placement is recorded (only then can an agent's node be a recorded one) */
    public boolean anyRecorded() {
        return !policies.isEmpty();
    }

    /**
     * Reads the per-type policies from raw configuration properties.
     *
     * @param properties the configuration's properties
     * @return type → policy, only those that are not plain affinity
     * @throws IllegalArgumentException naming the key of a malformed policy
     */
    public static Map<String, PlacementPolicy> policies(Map<String, ?> properties) {
        Map<String, PlacementPolicy> policies = new TreeMap<>();
        for (Map.Entry<String, ?> property : properties.entrySet()) {
            if (!property.getKey().startsWith(TYPE_PREFIX) || property.getKey().length() == TYPE_PREFIX.length()) {
                continue;
            }
            PlacementPolicy policy;
            try {
                policy = PlacementPolicy.parse(String.valueOf(property.getValue()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("placement key " + property.getKey() + ": " + e.getMessage(), e);
            }
            if (policy.records()) {
                policies.put(property.getKey().substring(TYPE_PREFIX.length()), policy);
            }
        }
        return policies;
    }

    /**
     * Validated rules from the typed values and the raw properties.
     *
     * @param config the typed values
     * @param properties all properties (for {@code type.*})
     * @return the rules
     * @throws IllegalArgumentException naming the wrong key
     */
    public static PlacementRules from(PlacementConfig config, Map<String, ?> properties) {
        if (config.rebalance_interval_seconds() < 0 || config.rebalance_tolerance_percent() < 0
                || config.rebalance_max_moves() < 0) {
            throw new IllegalArgumentException("placement keys rebalance.* must not be negative");
        }
        if (config.load_publish_interval_ms() < 50) {
            throw new IllegalArgumentException("placement key load.publish.interval.ms must be at least 50");
        }
        return new PlacementRules(PlacementRules.policies(properties),
                new LoadWeights(config.weight_agents(), config.weight_cpu(), config.weight_heap()),
                Duration.ofSeconds(config.rebalance_interval_seconds()), config.rebalance_tolerance_percent() / 100.0,
                config.rebalance_max_moves(), Duration.ofMillis(config.load_publish_interval_ms()));
    }
}
