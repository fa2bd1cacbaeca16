package io.phoenix.runtime.core.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phoenix.agent.api.AgentFailedException;
import io.phoenix.agent.api.AgentOptions;
import io.phoenix.agent.api.AgentStatus;
import io.phoenix.agent.api.BadMessageException;
import io.phoenix.runtime.core.internal.TestAgents.Count;
import io.phoenix.runtime.core.internal.TestAgents.Counter;
import io.phoenix.runtime.core.internal.TestAgents.Op;
import io.phoenix.runtime.core.internal.TestAgents.Reply;
import io.phoenix.runtime.core.internal.TestAgents.Ticker;
import io.phoenix.runtime.management.RuntimeEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class FailureAndLifecycleTest extends RuntimeTestSupport {

    @Override
    RuntimeSettings settings() {
        return super.settings().withPassivationSweep(Duration.ofMillis(20));
    }

    @Test
    void throwingAgentFailsTheCallerAndRestartsFromCommittedState() {
        Counter counter = new Counter();
        register(counter, TestAgents.V1);
        join(runtime.spawn("counter", "c1", null));
        join(runtime.call("c1", new Op("inc", 3), TIMEOUT));
        await().atMost(Duration.ofSeconds(5)).until(() -> counter.activations.get() == 1);

        Throwable failure = TurnsAndMailboxTest.failure(runtime.call("c1", new Op("boom", 0), TIMEOUT));

        AgentFailedException failed = assertInstanceOf(AgentFailedException.class, failure);
        assertTrue(failed.getMessage().contains("boom"));
        assertEquals(new Count(3), join(runtime.state("c1", Count.class)), "the failed turn's state is discarded");
        assertEquals(2, counter.activations.get(), "restarted: onActivate ran again");
        assertEquals(new Reply(4), join(runtime.call("c1", new Op("inc", 1), TIMEOUT)));
        assertEquals(1, runtime.type("counter").orElseThrow().messagesFailed());
    }

    @Test
    void badMessageIsTheCallersErrorAndDoesNotRestart() {
        Counter counter = new Counter();
        register(counter, TestAgents.V1);
        join(runtime.spawn("counter", "c1", null));

        assertInstanceOf(BadMessageException.class,
                TurnsAndMailboxTest.failure(runtime.call("c1", new Op("fly", 0), TIMEOUT)));
        assertInstanceOf(BadMessageException.class,
                TurnsAndMailboxTest.failure(runtime.callJson("c1", "{\"op\":", TIMEOUT)));
        assertInstanceOf(BadMessageException.class,
                TurnsAndMailboxTest.failure(runtime.callJson("c1", "{\"op\":\"inc\",\"by\":\"many\"}", TIMEOUT)));
        assertEquals(1, counter.activations.get());
    }

    @Test
    void timersDeliverToTheMailboxAndStopWithTheAgent() {
        register(new Ticker(), TestAgents.V1);
        join(runtime.spawn("ticker", "t1", null));

        await().atMost(Duration.ofSeconds(5)).until(() ->
                join(runtime.state("t1", TestAgents.Ticks.class)).count() >= 5);

        join(runtime.stop("t1"));
        assertTrue(runtime.list(io.phoenix.agent.api.AgentQuery.first(10)).agents().isEmpty());
    }

    @Test
    void idleAgentIsPassivatedAndReactivatedWithItsState() {
        Counter counter = new Counter();
        counter.options = AgentOptions.defaults().withPassivateAfter(Duration.ofMillis(50));
        register(counter, TestAgents.V1);
        List<RuntimeEvent> events = new CopyOnWriteArrayList<>();
        runtime.addListener(events::add);
        join(runtime.spawn("counter", "c1", null));
        join(runtime.call("c1", new Op("inc", 7), TIMEOUT));

        await().atMost(Duration.ofSeconds(5)).until(() ->
                join(runtime.info("c1")).status() == AgentStatus.PASSIVATED);
        assertEquals(new Count(7), join(runtime.state("c1", Count.class)), "state readable while passivated");

        assertEquals(new Reply(8), join(runtime.call("c1", new Op("inc", 1), TIMEOUT)));
        assertEquals(AgentStatus.ACTIVE, join(runtime.info("c1")).status());
        assertEquals(2, counter.activations.get());
        await().atMost(Duration.ofSeconds(5)).until(() ->
                events.stream().anyMatch(e -> e.kind() == RuntimeEvent.Kind.AGENT_PASSIVATED));
        // the re-activation says how long loading the state and onActivate took; the spawn's start does not
        RuntimeEvent reactivated = await().atMost(Duration.ofSeconds(5)).until(() -> events.stream()
                .filter(e -> e.kind() == RuntimeEvent.Kind.AGENT_STARTED
                        && "reactivated".equals(e.attributes().get("reason"))).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertTrue(Long.parseLong(reactivated.attributes().get("durationMicros")) >= 0, reactivated.toString());
        assertTrue(events.stream().filter(e -> e.kind() == RuntimeEvent.Kind.AGENT_STARTED
                && "spawned".equals(e.attributes().get("reason"))).noneMatch(e -> e.attributes()
                .containsKey("durationMicros")));
    }

    @Test
    void messagesToAVirtualAgentActivateIt() {
        Counter counter = new Counter();
        counter.options = AgentOptions.defaults().withActivateOnMessage(true);
        register(counter, TestAgents.V1);

        Object reply = join(runtime.ref("counter", "lazy-1").call(new Op("inc", 2), TIMEOUT));

        assertEquals(new Reply(2), reply);
        assertEquals(1, runtime.list(io.phoenix.agent.api.AgentQuery.first(10)).agents().size());
    }
}
