package io.phoenix.agent.testkit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.phoenix.agent.api.AgentAlreadyExistsException;
import io.phoenix.agent.api.AgentFailedException;
import io.phoenix.agent.api.AgentNotFoundException;
import io.phoenix.agent.api.AgentQuery;
import io.phoenix.agent.api.AgentStatus;
import io.phoenix.agent.api.AgentType;
import io.phoenix.agent.api.BadMessageException;
import io.phoenix.agent.api.TypeNotAvailableException;
import io.phoenix.agent.testkit.AgentTestKit.Registration;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentTestKitTest {

    private final AgentTestKit kit = new AgentTestKit(Duration.ofSeconds(2));

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void runsAgentsWithJsonAndObjectMessages() {
        Registration registration = kit.register(new Tally());
        assertEquals("tally 1.0.0", registration.toString());
        assertEquals("t1", kit.spawn("tally", "t1").id());

        assertEquals("2", kit.call("t1", "{\"op\":\"add\",\"by\":2}"));
        assertEquals(5L, kit.call("t1", Tally.Op.add(3), Long.class));
        assertEquals(new Tally.State(5), kit.state("t1", Tally.State.class));
        assertEquals("{\"count\":5}", kit.stateJson("t1"));
        assertEquals("1.0.0", kit.info("t1").typeVersion());
        assertEquals(AgentStatus.ACTIVE, kit.info("t1").status());
    }

    @Test
    void failuresArriveAsTheRuntimesTypedExceptions() {
        kit.register(new Tally());
        kit.spawn("tally", "t1", new Tally.State(3));

        assertThrows(BadMessageException.class, () -> kit.call("t1", "{\"op\":\"jump\"}"));
        AgentFailedException failed = assertThrows(AgentFailedException.class, () -> kit.call("t1", "{\"op\":\"fail\"}"));
        assertInstanceOf(IllegalStateException.class, failed.getCause());
        assertEquals(new Tally.State(3), kit.state("t1", Tally.State.class), "the failed turn's state was discarded");
        assertThrows(AgentAlreadyExistsException.class, () -> kit.spawn("tally", "t1"));
        assertThrows(AgentNotFoundException.class, () -> kit.call("nobody", "{}"));
        assertThrows(TypeNotAvailableException.class, () -> kit.spawn("unknown-type", "x"));
    }

    @Test
    void agentsTalkToEachOtherThroughTheRuntime() {
        kit.register(new Tally());
        kit.spawn("tally", "a");
        kit.spawn("tally", "b", new Tally.State(40));

        kit.call("a", new Tally.Op("send", 2, "b"), Long.class);
        await().atMost(kit.timeout()).until(() -> kit.state("b", Tally.State.class).count() == 42);
        assertEquals(42L, kit.call("a", new Tally.Op("ask", 0, "b"), Long.class));

        kit.call("a", new Tally.Op("spawn", 7, "c"), Long.class);
        await().atMost(kit.timeout()).until(() -> kit.runtime().list(AgentQuery.first(10))
                .agents().size() == 3);
        assertEquals(new Tally.State(7), kit.state("c", Tally.State.class));

        kit.call("c", Tally.Op.of("quit"), Long.class);
        await().atMost(kit.timeout()).untilAsserted(
                () -> assertThrows(AgentNotFoundException.class, () -> kit.info("c")));
    }

    @Test
    void timersFireInTheRealRuntime() {
        kit.register(new Tally());
        kit.spawn("tally", "t1");

        kit.call("t1", "{\"op\":\"later\",\"by\":20}");
        await().atMost(kit.timeout()).until(() -> kit.state("t1", Tally.State.class).count() == 1);
    }

    @Test
    void anUnregisteredTypeSuspendsItsAgentsUntilItReturns() {
        Registration v1 = kit.register(new Tally());
        kit.spawn("tally", "t1", new Tally.State(1));

        kit.unregister(v1);
        assertEquals(AgentStatus.SUSPENDED, kit.info("t1").status());
        assertThrows(TypeNotAvailableException.class, () -> kit.await(
                kit.runtime().callJson("t1", "{\"op\":\"get\"}", Duration.ofMillis(100))), "withdrawn unhandled");
        CompletableFuture<String> waiting = kit.runtime()
                .callJson("t1", "{\"op\":\"add\",\"by\":1}", kit.timeout()).toCompletableFuture();

        kit.register(new Tally());
        assertEquals("2", kit.await(waiting));
    }

    @Test
    void upgradeConvertsRealEncodedStateThroughTheHook() {
        Registration v1 = kit.register(new Tally(), "1.0.0.SNAPSHOT");
        kit.spawn("tally", "t1");
        kit.call("t1", Tally.Op.add(4), Long.class);

        Registration v2 = kit.upgrade(v1, new Tally.V2(), "2.0.0");

        assertEquals("2.0.0", v2.version());
        assertEquals(24L, kit.call("t1", Tally.Op.add(2), Long.class), "v2 adds ten times");
        assertEquals(new Tally.StateV2(24, "1.0.0.SNAPSHOT"), kit.state("t1", Tally.StateV2.class));
        assertEquals("2.0.0", kit.info("t1").typeVersion());
    }

    @Test
    void upgradeKeepsTheTypeNameAndRegisterReportsRejectedTypes() {
        Registration v1 = kit.register(new Tally());
        AgentType<Tally.State, Tally.Op> renamed = new Renamed("renamed");

        assertThrows(IllegalArgumentException.class, () -> kit.upgrade(v1, renamed, "2.0.0"));
        assertThrows(IllegalArgumentException.class, () -> kit.register(new Tally(), "not a version"));
        assertThrows(IllegalArgumentException.class, () -> kit.register(new Renamed("no spaces allowed")));
    }

    @Test
    void awaitIsBoundedAndRethrowsTheStagesFailure() {
        try (AgentTestKit quick = new AgentTestKit(Duration.ofMillis(50))) {
            assertThrows(AssertionError.class, () -> quick.await(new CompletableFuture<>()));
            assertThrows(BadMessageException.class,
                    () -> quick.await(CompletableFuture.failedFuture(new BadMessageException("x", "bad"))));
            CompletionException wrapped = assertThrows(CompletionException.class,
                    () -> quick.await(CompletableFuture.failedFuture(new Exception("checked"))));
            assertEquals("checked", wrapped.getCause().getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new AgentTestKit(Duration.ZERO));
    }

    /** A tally under another type name. */
    private static final class Renamed extends Tally {

        private final String name;

        Renamed(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }
    }
}
