package io.phoenix.example.kvstore;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.phoenix.agent.api.BadMessageException;
import io.phoenix.agent.testkit.AgentTestKit;
import io.phoenix.agent.testkit.TestAgentContext;
import io.phoenix.agent.testkit.TestTimer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KvStoreAgentTest {

    private final ObjectMapper json = new ObjectMapper();
    private final MutableClock clock = new MutableClock();
    private final KvStoreAgent agent = new KvStoreAgent(clock);
    private final TestAgentContext<KvState> ctx = TestAgentContext.forType(agent, "kv1");

    private Object send(String messageJson) throws Exception {
        return agent.handle(ctx, json.readValue(messageJson, KvMessage.class));
    }

    private String reply(String messageJson) throws Exception {
        return json.writeValueAsString(send(messageJson));
    }

    @Test
    void putsGetsAndDeletesAnyJsonValue() throws Exception {
        assertEquals("{\"key\":\"a\",\"revision\":1,\"created\":true,\"expiresAt\":null}",
                reply("{\"op\":\"put\",\"key\":\"a\",\"value\":\"x\"}"));
        reply("{\"op\":\"put\",\"key\":\"b\",\"value\":{\"n\":1,\"tags\":[\"p\",true,null]}}");
        reply("{\"op\":\"put\",\"key\":\"c\",\"value\":2.5}");

        assertEquals("{\"key\":\"a\",\"found\":true,\"value\":\"x\",\"expiresAt\":null}", reply("{\"op\":\"get\",\"key\":\"a\"}"));
        assertEquals("{\"key\":\"b\",\"found\":true,\"value\":{\"n\":1,\"tags\":[\"p\",true,null]},\"expiresAt\":null}",
                reply("{\"op\":\"get\",\"key\":\"b\"}"));
        assertEquals("{\"keys\":[\"a\",\"b\",\"c\"]}", reply("{\"op\":\"keys\"}"));
        assertEquals("{\"size\":3,\"maxKeys\":10000}", reply("{\"op\":\"size\"}"));

        assertEquals("{\"key\":\"a\",\"deleted\":true}", reply("{\"op\":\"delete\",\"key\":\"a\"}"));
        assertEquals("{\"key\":\"a\",\"deleted\":false}", reply("{\"op\":\"delete\",\"key\":\"a\"}"));
        assertEquals("{\"key\":\"a\",\"found\":false,\"value\":null,\"expiresAt\":null}", reply("{\"op\":\"get\",\"key\":\"a\"}"));
        assertEquals(Map.of("b", 2L, "c", 3L), Map.of(
                "b", ctx.state().entries().get("b").revision(), "c", ctx.state().entries().get("c").revision()));
    }

    @Test
    void overwritingKeepsOneEntryAndRaisesTheRevision() throws Exception {
        agent.handle(ctx, KvMessage.put("a", "x"));
        KvReplies.Put second = (KvReplies.Put) agent.handle(ctx, KvMessage.put("a", "y"));
        assertFalse(second.created());
        assertEquals(2, second.revision());
        assertEquals(1, ctx.state().entries().size());
        assertEquals("y", ctx.state().entries().get("a").value());
    }

    @Test
    void storedValuesAreUnmodifiable() throws Exception {
        send("{\"op\":\"put\",\"key\":\"m\",\"value\":{\"list\":[1,2]}}");
        Map<?, ?> value = (Map<?, ?>) ctx.state().entries().get("m").value();
        assertThrows(UnsupportedOperationException.class, () -> value.clear());
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) value.get("list")).clear());
        assertThrows(UnsupportedOperationException.class, () -> ctx.state().entries().clear());
    }

    @Test
    void ttlSchedulesAnExpiryThatRemovesTheKey() throws Exception {
        KvReplies.Put put = (KvReplies.Put) send("{\"op\":\"put\",\"key\":\"s\",\"value\":1,\"ttlMs\":60000}");
        assertEquals(clock.millis() + 60_000, put.expiresAt());
        assertEquals(1, ctx.pendingTimers().size());
        assertEquals(Duration.ofMinutes(1), ctx.pendingTimers().get(0).delay());
        assertNull(ctx.pendingTimers().get(0).period());

        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, ctx.firePending(agent));
        assertTrue(ctx.state().entries().isEmpty());
    }

    @Test
    void anOlderTimerDoesNotRemoveANewerWrite() throws Exception {
        agent.handle(ctx, KvMessage.put("s", "old", 1_000));
        agent.handle(ctx, KvMessage.put("s", "new"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, ctx.firePending(agent));
        assertEquals("new", ((KvReplies.Value) agent.handle(ctx, KvMessage.get("s"))).value());
    }

    @Test
    void expiredValuesAreAbsentBeforeTheirTimerFires() {
        agent.handle(ctx, KvMessage.put("s", "v", 1_000));
        agent.handle(ctx, KvMessage.put("p", "v"));
        clock.advance(Duration.ofMillis(1_000));
        assertFalse(((KvReplies.Value) agent.handle(ctx, KvMessage.get("s"))).found());
        assertEquals(new KvReplies.Keys(List.of("p")), agent.handle(ctx, KvMessage.keys()));
        assertEquals(new KvReplies.Size(1, KvStoreAgent.DEFAULT_MAX_KEYS), agent.handle(ctx, KvMessage.size()));
        assertEquals(new KvReplies.Deleted("s", false), agent.handle(ctx, KvMessage.delete("s")));
        assertFalse(ctx.state().entries().containsKey("s"));
    }

    @Test
    void activationReschedulesPendingExpiries() throws Exception {
        agent.handle(ctx, KvMessage.put("late", "v", 10_000));
        agent.handle(ctx, KvMessage.put("due", "v", 1_000));
        agent.handle(ctx, KvMessage.put("forever", "v"));
        ctx.pendingTimers().forEach(TestTimer::cancel);   // passivation cancels the activation's timers
        clock.advance(Duration.ofSeconds(4));

        agent.onActivate(ctx);
        Map<String, Duration> delays = new HashMap<>();
        ctx.pendingTimers().forEach(t -> delays.put(((KvMessage) t.message()).key(), t.delay()));
        assertEquals(Map.of("late", Duration.ofSeconds(6), "due", Duration.ZERO), delays);

        assertEquals(2, ctx.firePending(agent));   // fires "late" early too: it must survive and be rescheduled
        assertEquals(new KvReplies.Keys(List.of("forever", "late")), agent.handle(ctx, KvMessage.keys()));
        assertEquals(2, ctx.state().entries().size());
    }

    @Test
    void anEarlyTimerReschedulesForTheRemainingTime() throws Exception {
        agent.handle(ctx, KvMessage.put("s", "v", 10_000));
        clock.advance(Duration.ofSeconds(3));
        assertEquals(1, ctx.firePending(agent));
        assertTrue(ctx.state().entries().containsKey("s"));
        assertEquals(1, ctx.pendingTimers().size());
        assertEquals(Duration.ofSeconds(7), ctx.pendingTimers().get(0).delay());
        clock.advance(Duration.ofSeconds(7));
        assertEquals(1, ctx.firePending(agent));
        assertTrue(ctx.state().entries().isEmpty());
        assertTrue(ctx.pendingTimers().isEmpty());
    }

    @Test
    void aFullStoreRejectsNewKeysButAcceptsOverwrites() throws Exception {
        ctx.withState(json.readValue("{\"maxKeys\":2}", KvState.class));
        agent.handle(ctx, KvMessage.put("a", 1));
        agent.handle(ctx, KvMessage.put("b", 2));
        BadMessageException e = assertThrows(BadMessageException.class, () -> agent.handle(ctx, KvMessage.put("c", 3)));
        assertEquals("kv-store 'kv1' is full: it holds its maximum of 2 keys; delete keys before adding 'c'", e.getMessage());
        assertEquals("bad_message", e.code());
        agent.handle(ctx, KvMessage.put("a", 10));
        assertEquals(10, ((KvReplies.Value) agent.handle(ctx, KvMessage.get("a"))).value());
    }

    @Test
    void expiredValuesMakeRoomInAFullStore() {
        ctx.withState(new KvState(1, 0, Map.of()));
        agent.handle(ctx, KvMessage.put("a", 1, 500));
        clock.advance(Duration.ofMillis(500));
        KvReplies.Put put = (KvReplies.Put) agent.handle(ctx, KvMessage.put("b", 2));
        assertTrue(put.created());
        assertEquals(Map.of("b", new KvEntry(2, 2, null)), ctx.state().entries());
    }

    @Test
    void rejectsMalformedMessagesWithoutTouchingState() {
        agent.handle(ctx, KvMessage.put("a", "x"));
        KvState before = ctx.state();
        ctx.newTurn();
        assertThrows(BadMessageException.class, () -> send("{\"key\":\"a\"}"));
        BadMessageException unknown = assertThrows(BadMessageException.class, () -> send("{\"op\":\"incr\",\"key\":\"a\"}"));
        assertEquals("unknown kv-store op 'incr'; expected put, get, delete, keys or size", unknown.getMessage());
        assertThrows(BadMessageException.class, () -> send("{\"op\":\"put\",\"value\":1}"));
        assertThrows(BadMessageException.class, () -> send("{\"op\":\"put\",\"key\":\"\",\"value\":1}"));
        assertThrows(BadMessageException.class, () -> send("{\"op\":\"put\",\"key\":\"b\"}"));
        assertThrows(BadMessageException.class, () -> send("{\"op\":\"put\",\"key\":\"b\",\"value\":1,\"ttlMs\":0}"));
        assertThrows(BadMessageException.class, () -> agent.handle(ctx, KvMessage.get("k".repeat(257))));
        assertThrows(BadMessageException.class, () -> send("{\"op\":\"expire\",\"key\":\"a\"}"));
        assertFalse(ctx.stateChanged());
        assertEquals(before, ctx.state());
        assertTrue(ctx.timers().isEmpty());
    }

    @Test
    void stateRoundTripsThroughJsonAndValidatesItsBound() throws Exception {
        agent.handle(ctx, KvMessage.put("a", Map.of("n", 1), 1_000));
        agent.handle(ctx, KvMessage.put("b", List.of("x")));
        String encoded = json.writeValueAsString(ctx.state());
        KvState decoded = json.readValue(encoded, KvState.class);
        assertEquals(ctx.state(), decoded);
        assertThrows(UnsupportedOperationException.class, () -> ((Map<?, ?>) decoded.entries().get("a").value()).clear());
        assertEquals(KvStoreAgent.DEFAULT_MAX_KEYS, json.readValue("{}", KvState.class).maxKeys());
        assertThrows(IllegalArgumentException.class, () -> new KvState(-1, 0, Map.of()));
    }

    @Test
    void theRuntimesTimerRemovesAnExpiredKey() {
        try (AgentTestKit kit = new AgentTestKit()) {
            kit.register(new KvStoreAgent());
            kit.spawn(KvStoreAgent.TYPE, "kv2");

            assertTrue(kit.call("kv2", "{\"op\":\"put\",\"key\":\"s\",\"value\":1,\"ttlMs\":50}")
                    .contains("\"created\":true"));
            kit.call("kv2", "{\"op\":\"put\",\"key\":\"p\",\"value\":2}");

            await().atMost(kit.timeout())
                    .until(() -> kit.state("kv2", KvState.class).entries().keySet(), Set.of("p")::equals);
            assertEquals("{\"keys\":[\"p\"]}", kit.call("kv2", "{\"op\":\"keys\"}"));
        }
    }
}
