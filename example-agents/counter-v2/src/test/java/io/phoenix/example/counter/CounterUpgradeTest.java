package io.phoenix.example.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.phoenix.agent.api.AgentFailedException;
import io.phoenix.agent.api.BadMessageException;
import io.phoenix.agent.testkit.AgentTestKit;
import io.phoenix.agent.testkit.AgentTestKit.Registration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The upgrade hook against state the real runtime encoded: a counter is spawned under an earlier
 * version of the type, then the bundle update is mimicked (old version removed, this one added).
 */
class CounterUpgradeTest {

    private final AgentTestKit kit = new AgentTestKit();

    @AfterEach
    void close() {
        kit.close();
    }

    /** Spawns "c1" under the prior version and replaces that version with this bundle's. */
    private <S> void spawnThenUpgrade(PriorCounter<S> prior, String priorVersion) {
        Registration old = kit.register(prior, priorVersion);
        kit.spawn(CounterAgent.TYPE, "c1");
        kit.upgrade(old, new CounterAgent(), "2.0.0");
    }

    @Test
    void upgradesVersionOneStateKeepingTheValue() {
        spawnThenUpgrade(new PriorCounter<>(PriorCounter.V1State.class, 1, new PriorCounter.V1State(7)), "1.0.0.SNAPSHOT");

        assertEquals("{\"value\":7,\"version\":2}", kit.call("c1", "{\"op\":\"get\"}"), "the first turn converts");
        assertEquals(new CounterState(7, 0, 0, "1.0.0.SNAPSHOT"), kit.state("c1", CounterState.class));
        assertEquals("2.0.0", kit.info("c1").typeVersion());

        assertEquals("{\"value\":6,\"version\":2}", kit.call("c1", "{\"op\":\"dec\"}"));
        assertEquals("{\"value\":8,\"version\":2}", kit.call("c1", "{\"op\":\"inc\",\"by\":2}"));
        assertEquals("{\"value\":8,\"increments\":1,\"decrements\":1,\"upgradedFrom\":\"1.0.0.SNAPSHOT\"}",
                kit.stateJson("c1"));
    }

    /** The state of a schema this version does not know, e.g. written by a later version. */
    record V3State(long value, List<String> history) {
    }

    @Test
    void refusesStateFromAnUnknownSchema() {
        spawnThenUpgrade(new PriorCounter<>(V3State.class, 3, new V3State(1, List.of())), "3.0.0");

        AgentFailedException e = assertThrows(AgentFailedException.class, () -> kit.call("c1", "{\"op\":\"get\"}"));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals("cannot convert counter state schema 3 (written by 3.0.0) to schema 2", e.getCause().getMessage());
        assertEquals("{\"value\":1,\"history\":[]}", kit.stateJson("c1"), "the prior state is kept as it was");
    }

    /** Schema 1 in name, but not the shape version 1 wrote. */
    record TextState(String value) {
    }

    @Test
    void reportsPriorStateThatDoesNotDecode() {
        spawnThenUpgrade(new PriorCounter<>(TextState.class, 1, new TextState("seven")), "1.0.0");

        AgentFailedException e = assertThrows(AgentFailedException.class, () -> kit.call("c1", "{\"op\":\"inc\"}"));
        assertInstanceOf(BadMessageException.class, e.getCause());
        assertEquals("{\"value\":\"seven\"}", kit.stateJson("c1"));
    }
}
