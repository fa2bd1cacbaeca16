package io.phoenix.example.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.phoenix.agent.api.BadMessageException;
import io.phoenix.agent.testkit.TestAgentContext;
import org.junit.jupiter.api.Test;

class CounterAgentTest {

    private final ObjectMapper json = new ObjectMapper();
    private final CounterAgent agent = new CounterAgent();
    private final TestAgentContext<CounterState> ctx = TestAgentContext.forType(agent, "c1").withTypeVersion("2.0.0");

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
        ctx.newTurn();
        assertEquals("{\"value\":8,\"version\":2}", reply("{\"op\":\"get\"}"));
        assertFalse(ctx.stateChanged());
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
        ctx.withState(new CounterState(5, 3, 1, "1.0.0"));
        assertEquals(CounterReply.of(0), agent.handle(ctx, CounterMessage.reset()));
        assertEquals(new CounterState(0, 0, 0, "1.0.0"), ctx.state());
    }

    @Test
    void rejectsUnknownOpsAndBadAmountsWithoutTouchingState() {
        agent.handle(ctx, CounterMessage.inc(2));
        CounterState before = ctx.state();
        ctx.newTurn();
        BadMessageException e = assertThrows(BadMessageException.class, () -> reply("{\"op\":\"mul\",\"by\":2}"));
        assertEquals("unknown counter op 'mul'; expected inc, dec, get or reset", e.getMessage());
        assertThrows(BadMessageException.class, () -> reply("{\"op\":\"dec\",\"by\":0}"));
        assertThrows(BadMessageException.class, () -> reply("{\"by\":1}"));
        assertFalse(ctx.stateChanged());
        ctx.withState(new CounterState(Long.MIN_VALUE, 0, 0, null));
        assertThrows(BadMessageException.class, () -> agent.handle(ctx, CounterMessage.dec(1)));
        assertFalse(ctx.stateChanged());
        assertEquals(new CounterState(Long.MIN_VALUE, 0, 0, null), ctx.state());
        assertEquals(new CounterState(2, 1, 0, null), before);
    }

    @Test
    void stateRoundTripsThroughJson() throws Exception {
        CounterState state = new CounterState(-4, 2, 6, null);
        assertEquals(state, json.readValue(json.writeValueAsString(state), CounterState.class));
    }
}
