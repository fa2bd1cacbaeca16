package io.phoenix.cluster.internal.placement;

import java.util.List;

/**
 * How a node's load score is made: {@code agents × (its agents ÷ the mean over the candidates) + cpu × CPU load +
 * heap × used heap fraction}. Agents are relative so that the weights mean the same in a small and a large cluster.
 *
 * @param agents weight of the agent count
 * @param cpu weight of the CPU load
 * @param heap weight of the heap use
 */
public record LoadWeights(double agents, double cpu, double heap) {

    /** The shipped defaults. */
    public static final LoadWeights DEFAULTS = new LoadWeights(1.0, 0.5, 0.25);

    /** Refuses negative weights. */
    public LoadWeights {
        if (agents < 0 || cpu < 0 || heap < 0 || agents + cpu + heap == 0) {
            throw new IllegalArgumentException("load weights must be >= 0 and not all 0");
        }
    }

    /**
     * @param agents the node's agent count (published plus placed since)
     * @param load the node's load
     * @param meanAgents the mean agent count over the candidates
     * @return the score; lower is less loaded
     */
    public double score(long agents, NodeLoad load, double meanAgents) {
        return this.agents * (agents / Math.max(1.0, meanAgents)) + cpu * load.cpu() + heap * load.heap();
    }

    /**
     * @param candidates nodes
     * @param pending agents placed on each since its last publication
     * @return their mean agent count, pending placements included
     */
    public static double meanAgents(List<Candidate> candidates, PendingPlacements pending) {
        if (candidates.isEmpty()) {
            return 0;
        }
        double total = 0;
        for (Candidate candidate : candidates) {
            total += candidate.load().agents() + pending.count(candidate.nodeId());
        }
        return total / candidates.size();
    }
}
