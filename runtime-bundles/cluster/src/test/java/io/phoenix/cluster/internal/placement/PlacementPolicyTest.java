package io.phoenix.cluster.internal.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementPolicyTest {

    @Test
    void parsesEveryForm() {
        assertEquals(PlacementPolicy.AFFINITY, PlacementPolicy.parse("affinity"));
        assertEquals(PlacementPolicy.AFFINITY, PlacementPolicy.parse("  "));
        assertEquals(new PlacementPolicy(PlacementPolicy.Strategy.LEAST_LOADED, Map.of()),
                PlacementPolicy.parse("Least-Loaded"));
        assertEquals(new PlacementPolicy(PlacementPolicy.Strategy.AFFINITY, Map.of("role", "gpu", "zone", "eu-1")),
                PlacementPolicy.parse("where role=gpu  zone=eu-1"));
        PlacementPolicy both = PlacementPolicy.parse("least-loaded where role=gpu");
        assertEquals(PlacementPolicy.Strategy.LEAST_LOADED, both.strategy());
        assertEquals("least-loaded where role=gpu", both.toString());
        assertEquals(both, PlacementPolicy.parse(both.toString()));
    }

    @Test
    void malformedPoliciesSayWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlacementPolicy.parse("busiest")).getMessage()
                .contains("unknown placement strategy 'busiest'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlacementPolicy.parse("where")).getMessage()
                .contains("at least one"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlacementPolicy.parse("where role")).getMessage()
                .contains("attribute=value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlacementPolicy.parse("least-loaded gpu"))
                .getMessage().contains("unexpected 'gpu'"));
    }

    @Test
    void onlyNodesWithEveryAttributeAreAccepted() {
        PlacementPolicy policy = PlacementPolicy.parse("where role=gpu zone=eu-1");
        assertTrue(policy.accepts("n1", Map.of("role", "gpu", "zone", "eu-1", "rack", "7")));
        assertFalse(policy.accepts("n1", Map.of("role", "gpu")));
        assertFalse(policy.accepts("n1", Map.of("role", "cpu", "zone", "eu-1")));
        assertTrue(PlacementPolicy.parse("where node=n2").accepts("n2", Map.of()));
        assertFalse(PlacementPolicy.parse("where node=n2").accepts("n1", Map.of("node", "n2")));
        assertFalse(PlacementPolicy.AFFINITY.records());
        assertTrue(policy.records());
    }

    @Test
    void rulesReadTypeKeysAndNameTheWrongOne() {
        Map<String, PlacementPolicy> policies = PlacementRules.policies(Map.of("type.chat", "least-loaded",
                "type.plain", "affinity", "weight.cpu", "0.5", "type.", "x"));
        assertEquals(Map.of("chat", PlacementPolicy.parse("least-loaded")), policies);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PlacementRules.policies(Map.of("type.llm", "where gpu"))).getMessage().startsWith(
                "placement key type.llm:"));
        PlacementRules rules = new PlacementRules(policies, LoadWeights.DEFAULTS, java.time.Duration.ZERO, 0.2, 10,
                java.time.Duration.ofSeconds(1));
        assertEquals(PlacementPolicy.AFFINITY, rules.policyFor(null));
        assertEquals(PlacementPolicy.AFFINITY, rules.policyFor("plain"));
        assertTrue(rules.anyRecorded());
    }

    @Test
    void pinsAndLoadsRoundTripAndTolerateOldOrBrokenForms() {
        Pin pin = new Pin("n1", "chat", false);
        assertEquals(pin, Pin.decode(pin.encode()));
        assertEquals(new Pin("n2", null, true), Pin.decode(new Pin("n2", null, true).encode()));
        assertEquals(new Pin("n3", null, true), Pin.decode("n3"), "a bare node id is an operator's pin");
        NodeLoad load = new NodeLoad(12, 0.5, 0.25);
        assertEquals(load, NodeLoad.decode(load.encode()));
        assertEquals(NodeLoad.UNKNOWN, NodeLoad.decode("garbage"));
        assertEquals(NodeLoad.UNKNOWN, NodeLoad.decode(null));
        assertEquals(new NodeLoad(0, 1, 0), new NodeLoad(-5, 7, Double.NaN));
    }
}
