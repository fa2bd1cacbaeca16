package io.phoenix.example.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.phoenix.agent.api.AgentException;
import io.phoenix.agent.api.BadMessageException;
import org.junit.jupiter.api.Test;

class CounterAgentTest {

    private final ObjectMapper json = new ObjectMapper();
    private final CounterAgent agent = new CounterAgent();
    private final FakeContext<CounterState> ctx =
            new FakeContext<>("c1", CounterAgent.TYPE, "1.0.0", agent.initialState("c1"));

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
        assertEquals("{\"value\":7}", reply("{\"op\":\"get\"}"));
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
        BadMessageException e = assertThrows(BadMessageException.class, () -> send("{\"op\":\"dec\",\"by\":1}"));
        assertEquals("unknown counter op 'dec'; expected inc, get or reset", e.getMessage());
        assertEquals("c1", e.agentId());
        assertEquals("bad_message", e.code());
        assertEquals(new CounterState(4), ctx.state());
    }

    @Test
    void rejectsMissingOpAndNonPositiveAmounts() {
        assertThrows(BadMessageException.class, () -> send("{}"));
        AgentException e = assertThrows(BadMessageException.class, () -> send("{\"op\":\"inc\",\"by\":0}"));
        assertEquals("counter \"by\" must be positive, was 0", e.getMessage());
        assertThrows(BadMessageException.class, () -> send("{\"op\":\"inc\",\"by\":-3}"));
        assertEquals(new CounterState(0), ctx.state());
    }

    @Test
    void rejectsOverflow() {
        ctx.setState(new CounterState(Long.MAX_VALUE));
        assertThrows(BadMessageException.class, () -> agent.handle(ctx, CounterMessage.inc(1)));
        assertEquals(new CounterState(Long.MAX_VALUE), ctx.state());
    }

    @Test
    void stateRoundTripsThroughJson() throws Exception {
        agent.handle(ctx, CounterMessage.inc(42));
        String encoded = json.writeValueAsString(ctx.state());
        assertEquals("{\"value\":42}", encoded);
        assertEquals(ctx.state(), json.readValue(encoded, CounterState.class));
    }
}
