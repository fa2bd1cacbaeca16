package io.phoenix.cluster.internal.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementChooserTest {

    private static List<Candidate> nodes(int count) {
        List<Candidate> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            nodes.add(new Candidate("node-" + i, Map.of(), NodeLoad.UNKNOWN));
        }
        return nodes;
    }

    @Test
    void hashingSpreadsEvenlyAndMovesOnlyTheDepartedNodesAgents() {
        List<Candidate> ten = nodes(10);
        Map<String, Integer> counts = new HashMap<>();
        Map<String, String> before = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            String id = "agent-" + i;
            String node = PlacementChooser.byHash(id, ten);
            before.put(id, node);
            counts.merge(node, 1, Integer::sum);
        }
        for (int count : counts.values()) {
            assertTrue(Math.abs(count - 10_000) < 600, "within 6% of the mean: " + counts);
        }
        List<Candidate> nine = new ArrayList<>(ten);
        nine.remove(3);
        int moved = 0;
        for (Map.Entry<String, String> placed : before.entrySet()) {
            String now = PlacementChooser.byHash(placed.getKey(), nine);
            if (!now.equals(placed.getValue())) {
                moved++;
                assertEquals("node-3", placed.getValue(), "only the departed node's agents move");
            }
        }
        assertEquals(counts.get("node-3"), moved);
        // the order of candidates does not matter: every node computes the same answer
        List<Candidate> reversed = new ArrayList<>(ten);
        java.util.Collections.reverse(reversed);
        assertEquals(PlacementChooser.byHash("x", ten), PlacementChooser.byHash("x", reversed));
    }

    @Test
    void leastLoadedCountsWhatWasPlacedSinceTheLastPublication() {
        List<Candidate> candidates = List.of(
                new Candidate("a", Map.of(), new NodeLoad(100, 0, 0)),
                new Candidate("b", Map.of(), new NodeLoad(40, 0, 0)),
                new Candidate("c", Map.of(), new NodeLoad(40, 0.9, 0)));
        PendingPlacements pending = new PendingPlacements();
        Map<String, Integer> placed = new HashMap<>();
        for (int i = 0; i < 120; i++) {
            String node = PlacementChooser.leastLoaded(candidates, LoadWeights.DEFAULTS, pending);
            pending.placed(node);
            placed.merge(node, 1, Integer::sum);
        }
        // totals end up close: a 100+n ≈ b 40+n ≈ c 40+n, c a little lower because of its CPU load
        long a = 100 + placed.getOrDefault("a", 0);
        long b = 40 + placed.getOrDefault("b", 0);
        long c = 40 + placed.getOrDefault("c", 0);
        assertTrue(Math.abs(a - b) <= 25 && b > c, "a=" + a + " b=" + b + " c=" + c);
        pending.published("b");
        assertEquals(0, pending.count("b"));
    }

    @Test
    void cpuAndHeapCountWhenAgentCountsAreEqual() {
        List<Candidate> candidates = List.of(
                new Candidate("busy", Map.of(), new NodeLoad(10, 0.95, 0.9)),
                new Candidate("idle", Map.of(), new NodeLoad(10, 0.05, 0.1)));
        assertEquals("idle", PlacementChooser.leastLoaded(candidates, LoadWeights.DEFAULTS, new PendingPlacements()));
    }
}
