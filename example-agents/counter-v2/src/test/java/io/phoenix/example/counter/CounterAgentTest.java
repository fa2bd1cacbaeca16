package io.phoenix.example.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.phoenix.agent.api.BadMessageException;
import org.junit.jupiter.api.Test;

class CounterAgentTest {

    private final ObjectMapper json = new ObjectMapper();
    private final CounterAgent agent = new CounterAgent();
    private final FakeContext<CounterState> ctx =
            new FakeContext<>("c1", CounterAgent.TYPE, "2.0.0", agent.initialState("c1"));

    private String reply(String messageJson) throws Exception {
        return json.writeValueAsString(agent.handle(ctx, json.readValue(messageJson, CounterMessage.class)));
    }

    @Test
    void keepsTheTypeNameAndRaisesTheStateSchema() {
        assertEquals("counter", agent.name());
        assertEquals(2, agent.stateVersion());
        assertEquals(new CounterState(0, 0, 0, null), agent.initialState("c1"));
    }

    @Test
    void answersVersionOneMessagesAndShowsItsVersion() throws Exception {
        assertEquals("{\"value\":1,\"version\":2}", reply("{\"op\":\"inc\"}"));
        assertEquals("{\"value\":8,\"version\":2}", reply("{\"op\":\"inc\",\"by\":7}"));
        assertEquals("{\"value\":8,\"version\":2}", reply("{\"op\":\"get\"}"));
        assertEquals(new CounterState(8, 2, 0, null), ctx.state());
    }

    @Test
    void decrementsBelowZero() throws Exception {
        assertEquals("{\"value\":-3,\"version\":2}", reply("{\"op\":\"dec\",\"by\":3}"));
        assertEquals(new CounterReply(-2, 2), agent.handle(ctx, CounterMessage.inc(1)));
        assertEquals(new CounterState(-2, 1, 1, null), ctx.state());
    }

    @Test
    void resetClearsCountsButRemembersTheUpgrade() {
        ctx.setState(new CounterState(5, 3, 1, "1.0.0"));
        assertEquals(CounterReply.of(0), agent.handle(ctx, CounterMessage.reset()));
        assertEquals(new CounterState(0, 0, 0, "1.0.0"), ctx.state());
    }

    @Test
    void rejectsUnknownOpsAndBadAmountsWithoutTouchingState() {
        agent.handle(ctx, CounterMessage.inc(2));
        CounterState before = ctx.state();
        BadMessageException e = assertThrows(BadMessageException.class, () -> reply("{\"op\":\"mul\",\"by\":2}"));
        assertEquals("unknown counter op 'mul'; expected inc, dec, get or reset", e.getMessage());
        assertThrows(BadMessageException.class, () -> reply("{\"op\":\"dec\",\"by\":0}"));
        assertThrows(BadMessageException.class, () -> reply("{\"by\":1}"));
        ctx.setState(new CounterState(Long.MIN_VALUE, 0, 0, null));
        assertThrows(BadMessageException.class, () -> agent.handle(ctx, CounterMessage.dec(1)));
        assertEquals(new CounterState(Long.MIN_VALUE, 0, 0, null), ctx.state());
        assertEquals(new CounterState(2, 1, 0, null), before);
    }

    @Test
    void upgradesVersionOneStateKeepingTheValue() throws Exception {
        CounterState upgraded = agent.upgradeState(new JsonPriorState(1, "1.0.0.SNAPSHOT", "{\"value\":7}"));
        assertEquals(new CounterState(7, 0, 0, "1.0.0.SNAPSHOT"), upgraded);

        ctx.setState(upgraded);
        assertEquals("{\"value\":9,\"version\":2}", reply("{\"op\":\"inc\",\"by\":2}"));
        assertEquals("{\"value\":9,\"increments\":1,\"decrements\":0,\"upgradedFrom\":\"1.0.0.SNAPSHOT\"}",
                json.writeValueAsString(ctx.state()));
    }

    @Test
    void refusesStateFromAnUnknownSchema() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> agent.upgradeState(new JsonPriorState(3, "3.0.0", "{\"value\":1,\"history\":[]}")));
        assertEquals("cannot convert counter state schema 3 (written by 3.0.0) to schema 2", e.getMessage());
    }

    @Test
    void reportsPriorStateThatDoesNotDecode() {
        assertThrows(BadMessageException.class,
                () -> agent.upgradeState(new JsonPriorState(1, "1.0.0", "{\"value\":\"seven\"}")));
    }

    @Test
    void stateRoundTripsThroughJson() throws Exception {
        CounterState state = new CounterState(-4, 2, 6, null);
        assertEquals(state, json.readValue(json.writeValueAsString(state), CounterState.class));
    }
}
