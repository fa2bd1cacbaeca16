package io.phoenix.agent.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phoenix.agent.api.AgentNotFoundException;
import io.phoenix.agent.api.AgentRef;
import io.phoenix.agent.api.BadMessageException;
import io.phoenix.agent.testkit.TestAgentContext.Sent;
import io.phoenix.agent.testkit.TestAgentContext.Spawned;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class TestAgentContextTest {

    private final Tally tally = new Tally();
    private final TestAgentContext<Tally.State> ctx = TestAgentContext.forType(tally, "t1");

    @Test
    void takesIdentityAndInitialStateFromTheType() {
        assertEquals("t1", ctx.id());
        assertEquals("tally", ctx.type());
        assertEquals(TestAgentContext.DEFAULT_VERSION, ctx.typeVersion());
        assertEquals(new Tally.State(0), ctx.state());
        assertFalse(ctx.stateChanged());
        assertEquals("phoenix.agent.tally", ctx.log().getName());

        TestAgentContext<String> plain = new TestAgentContext<>("p", "s").withType("other").withTypeVersion("2.1.0");
        assertEquals("other", plain.type());
        assertEquals("2.1.0", plain.typeVersion());
        assertEquals(TestAgentContext.DEFAULT_TYPE, new TestAgentContext<>("q", 1).type());
    }

    @Test
    void recordsStateChangesUntilTheNextTurn() {
        ctx.withState(new Tally.State(5));
        assertFalse(ctx.stateChanged(), "set-up state is not a change");

        assertEquals(7L, tally.handle(ctx, Tally.Op.add(2)));
        assertTrue(ctx.stateChanged());
        assertEquals(new Tally.State(7), ctx.state());

        ctx.newTurn();
        tally.handle(ctx, Tally.Op.of("get"));
        assertFalse(ctx.stateChanged());
        assertEquals(new Tally.State(7), ctx.state());
    }

    @Test
    void keepsStateSetByAFailingTurnSoTestsCanSeeIt() {
        assertThrows(IllegalStateException.class, () -> tally.handle(ctx, Tally.Op.of("fail")));
        assertTrue(ctx.stateChanged());
        assertEquals(new Tally.State(-1), ctx.state());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void rejectsNullAndForeignStateLikeTheRuntime() {
        assertThrows(NullPointerException.class, () -> ctx.setState(null));
        TestAgentContext<Object> raw = (TestAgentContext) ctx;   // as an agent with a wrong cast would
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> raw.setState("not a state"));
        assertTrue(e.getMessage().contains("must be a " + Tally.State.class.getName()), e.getMessage());
        assertFalse(ctx.stateChanged());
    }

    @Test
    void recordsCastsAndCallsAlsoThroughRefs() {
        ctx.replyTo("counter", 41);
        tally.handle(ctx, new Tally.Op("send", 3, "peer"));
        Object reply = tally.handle(ctx, new Tally.Op("ask", 0, "counter"));
        ctx.self().cast(Tally.Op.of("get"));

        assertEquals(List.of(new Sent("peer", Tally.Op.add(3)), new Sent("t1", Tally.Op.of("get"))), ctx.casts());
        assertEquals(List.of(new Sent("counter", Tally.Op.of("get"))), ctx.calls());
        assertEquals(41L, ((CompletionStage<?>) reply).toCompletableFuture().join(),
                "converted to the asked reply type through JSON");

        ctx.newTurn();
        assertTrue(ctx.casts().isEmpty());
        assertTrue(ctx.calls().isEmpty());
    }

    @Test
    void answersCallsByIdThenByFunctionThenWithNull() {
        CompletableFuture<Object> pending = new CompletableFuture<>();
        ctx.replyTo("a", "from a").answerCalls((to, message) -> to.equals("b") ? pending : CompletableFuture.completedFuture(null));

        assertEquals("from a", ctx.call("a", "m", Duration.ofSeconds(1)).toCompletableFuture().join());
        assertSame(pending, ctx.call("b", "m", Duration.ofSeconds(1)));
        assertNull(ctx.call("c", "m", Duration.ofSeconds(1)).toCompletableFuture().join());
        assertNull(new TestAgentContext<>("d", 0).call("x", "m", null).toCompletableFuture().join(), "default reply");
    }

    @Test
    void failedCastsThrowAndAreNotRecorded() {
        AgentNotFoundException gone = new AgentNotFoundException("ghost", "agent 'ghost' not found");
        ctx.failCastsTo("ghost", gone);

        assertSame(gone, assertThrows(AgentNotFoundException.class,
                () -> tally.handle(ctx, new Tally.Op("send", 1, "ghost"))));
        tally.handle(ctx, new Tally.Op("send", 1, "alive"));
        assertEquals(List.of(new Sent("alive", Tally.Op.add(1))), ctx.casts());
    }

    @Test
    void recordsSpawnsAndStopRequests() {
        tally.handle(ctx, new Tally.Op("spawn", 9, "child"));
        tally.handle(ctx, Tally.Op.of("quit"));

        assertEquals(List.of(new Spawned("tally", "child", new Tally.State(9))), ctx.spawns());
        assertTrue(ctx.stopRequested());
        AgentRef child = ctx.spawn("tally", "child2", null).toCompletableFuture().join();
        assertEquals("child2", child.id());
        ctx.newTurn();
        assertFalse(ctx.stopRequested());
        assertTrue(ctx.spawns().isEmpty());
    }

    @Test
    void oneShotTimersFireOnceWhenTheTestSaysSo() throws Exception {
        tally.handle(ctx, new Tally.Op("later", 250, null));
        TestTimer timer = ctx.pendingTimers().get(0);
        assertEquals(Duration.ofMillis(250), timer.delay());
        assertNull(timer.period());
        assertEquals(Tally.Op.add(1), timer.message());
        assertEquals(new Tally.State(0), ctx.state(), "nothing fires by itself");

        assertEquals(1L, ctx.fire(timer, tally));
        assertTrue(timer.isDone());
        assertFalse(timer.cancel(), "a fired one-shot timer cannot be cancelled");
        assertTrue(ctx.pendingTimers().isEmpty());
        assertEquals(List.of(timer), ctx.timers());
        assertThrows(IllegalStateException.class, () -> ctx.fire(timer, tally));
        assertEquals(new Tally.State(1), ctx.state());
    }

    @Test
    void periodicTimersTickUntilCancelled() throws Exception {
        tally.handle(ctx, new Tally.Op("every", 100, null));
        TestTimer timer = ctx.pendingTimers().get(0);
        assertEquals(Duration.ofMillis(100), timer.period());

        assertEquals(1, ctx.firePending(tally));
        assertEquals(1, ctx.firePending(tally));
        assertEquals(2, timer.ticks());
        assertTrue(timer.cancel());
        assertFalse(timer.cancel());
        assertEquals(0, ctx.firePending(tally));
        assertThrows(IllegalStateException.class, () -> ctx.fire(timer, tally));
        assertEquals(new Tally.State(2), ctx.state());
        assertThrows(IllegalArgumentException.class,
                () -> ctx.scheduleAtFixedRate(Duration.ZERO, Duration.ZERO, Tally.Op.add(1)));
    }

    @Test
    void timersSurviveNewTurnsAndConvertTheirMessageLikeTheRuntime() throws Exception {
        tally.handle(ctx, new Tally.Op("later-as-map", 10, null));
        ctx.newTurn();

        assertEquals(1, ctx.firePending(tally));
        assertEquals(new Tally.State(5), ctx.state(), "the map message was converted to Tally.Op");
        TestTimer foreign = (TestTimer) new TestAgentContext<>("other", 0).schedule(Duration.ZERO, "x");
        assertThrows(IllegalArgumentException.class, () -> ctx.fire(foreign, tally));
    }

    @Test
    void aMessageThatDoesNotConvertIsABadMessage() {
        ctx.schedule(Duration.ZERO, List.of("not", "an", "op"));
        assertThrows(BadMessageException.class, () -> ctx.firePending(tally));
    }
}
