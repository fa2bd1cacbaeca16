package io.phoenix.cluster.internal.placement;

import java.util.List;

/**
 * Picks a node among candidates: by hash of the agent id (the same answer on every node, moving few agents when a
 * node comes or goes — rendezvous hashing) or by lowest load score.
 */
public final class PlacementChooser {

    private PlacementChooser() {
    }

    /**
     * Rendezvous (highest random weight) hashing: the candidate whose hash with the id is highest. Deterministic
     * across nodes; a departing node moves only its own agents. Linear in the candidates, which are nodes (tens).
     *
     * @param agentId the agent's id
     * @param candidates the nodes it may go to, not empty
     * @return the chosen node's id
     */
    public static String byHash(String agentId, List<Candidate> candidates) {
        String best = null;
        long bestWeight = Long.MIN_VALUE;
        long idHash = mix(agentId.hashCode());
        for (Candidate candidate : candidates) {
            long weight = mix(idHash ^ mix(candidate.nodeId().hashCode() + 0x9E3779B97F4A7C15L));
            if (best == null || weight > bestWeight || weight == bestWeight && candidate.nodeId().compareTo(best) < 0) {
                best = candidate.nodeId();
                bestWeight = weight;
            }
        }
        return best;
    }

    /**
     * @param candidates the nodes an agent may go to, not empty
     * @param weights how scores are made
     * @param pending agents placed since each node's last publication (counted as load)
     * @return the id of the candidate with the lowest score; ties go to the lowest node id
     */
    public static String leastLoaded(List<Candidate> candidates, LoadWeights weights, PendingPlacements pending) {
        double mean = LoadWeights.meanAgents(candidates, pending);
        String best = null;
        double bestScore = Double.MAX_VALUE;
        for (Candidate candidate : candidates) {
            long agents = candidate.load().agents() + pending.count(candidate.nodeId());
            double score = weights.score(agents, candidate.load(), mean);
            if (best == null || score < bestScore || score == bestScore && candidate.nodeId().compareTo(best) < 0) {
                best = candidate.nodeId();
                bestScore = score;
            }
        }
        return best;
    }

    /** SplitMix64's finaliser: spreads a hash over all 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
