package io.phoenix.example.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.phoenix.agent.api.AgentException;
import io.phoenix.agent.api.BadMessageException;
import io.phoenix.agent.testkit.AgentTestKit;
import io.phoenix.agent.testkit.TestAgentContext;
import org.junit.jupiter.api.Test;

class CounterAgentTest {

    private final ObjectMapper json = new ObjectMapper();
    private final CounterAgent agent = new CounterAgent();
    private final TestAgentContext<CounterState> ctx = TestAgentContext.forType(agent, "c1");

    private Object send(String messageJson) throws Exception {
        return agent.handle(ctx, json.readValue(messageJson, CounterMessage.class));
    }

    private String reply(String messageJson) throws Exception {
        return json.writeValueAsString(send(messageJson));
    }

    @Test
    void describesItself() {
        assertEquals("counter", agent.name());
        assertEquals(1, agent.stateVersion());
        assertEquals(new CounterState(0), agent.initialState("any"));
        assertTrue(agent.options().activateOnMessage());
    }

    @Test
    void incrementsByOneOrByTheGivenAmount() throws Exception {
        assertEquals("{\"value\":1}", reply("{\"op\":\"inc\"}"));
        assertEquals("{\"value\":3}", reply("{\"op\":\"inc\",\"by\":2}"));
        assertEquals(new CounterState(3), ctx.state());
    }

    @Test
    void getsWithoutChangingState() throws Exception {
        agent.handle(ctx, CounterMessage.inc(7));
        ctx.newTurn();
        assertEquals("{\"value\":7}", reply("{\"op\":\"get\"}"));
        assertFalse(ctx.stateChanged());
        assertEquals(new CounterState(7), ctx.state());
    }

    @Test
    void resets() throws Exception {
        agent.handle(ctx, CounterMessage.inc(5));
        assertEquals(new CounterReply(0), agent.handle(ctx, CounterMessage.reset()));
        assertEquals(new CounterState(0), ctx.state());
    }

    @Test
    void rejectsUnknownOpWithoutTouchingState() throws Exception {
        agent.handle(ctx, CounterMessage.inc(4));
        ctx.newTurn();
        BadMessageException e = assertThrows(BadMessageException.class, () -> send("{\"op\":\"dec\",\"by\":1}"));
        assertEquals("unknown counter op 'dec'; expected inc, get or reset", e.getMessage());
        assertEquals("c1", e.agentId());
        assertEquals("bad_message", e.code());
        assertFalse(ctx.stateChanged());
        assertEquals(new CounterState(4), ctx.state());
    }

    @Test
    void rejectsMissingOpAndNonPositiveAmounts() {
        assertThrows(BadMessageException.class, () -> send("{}"));
        AgentException e = assertThrows(BadMessageException.class, () -> send("{\"op\":\"inc\",\"by\":0}"));
        assertEquals("counter \"by\" must be positive, was 0", e.getMessage());
        assertThrows(BadMessageException.class, () -> send("{\"op\":\"inc\",\"by\":-3}"));
        assertFalse(ctx.stateChanged());
        assertEquals(new CounterState(0), ctx.state());
    }

    @Test
    void rejectsOverflow() {
        ctx.withState(new CounterState(Long.MAX_VALUE));
        assertThrows(BadMessageException.class, () -> agent.handle(ctx, CounterMessage.inc(1)));
        assertFalse(ctx.stateChanged());
        assertEquals(new CounterState(Long.MAX_VALUE), ctx.state());
    }

    @Test
    void stateRoundTripsThroughJson() throws Exception {
        agent.handle(ctx, CounterMessage.inc(42));
        String encoded = json.writeValueAsString(ctx.state());
        assertEquals("{\"value\":42}", encoded);
        assertEquals(ctx.state(), json.readValue(encoded, CounterState.class));
    }

    @Test
    void aMessageToAnUnknownCounterCreatesItInTheRuntime() {
        try (AgentTestKit kit = new AgentTestKit()) {
            kit.register(agent);

            CounterReply first = kit.await(kit.runtime().ref(CounterAgent.TYPE, "fresh")
                    .call(CounterMessage.inc(3), CounterReply.class, kit.timeout()));

            assertEquals(new CounterReply(3), first);
            assertEquals("{\"value\":4}", kit.call("fresh", "{\"op\":\"inc\"}"));
            assertThrows(BadMessageException.class, () -> kit.call("fresh", "{\"op\":\"dec\"}"));
            assertEquals("{\"value\":4}", kit.stateJson("fresh"));
        }
    }
}
