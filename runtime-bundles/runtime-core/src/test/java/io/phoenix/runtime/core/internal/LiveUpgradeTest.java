package io.phoenix.runtime.core.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phoenix.agent.api.AgentStatus;
import io.phoenix.agent.api.TypeNotAvailableException;
import io.phoenix.runtime.core.internal.TestAgents.Count;
import io.phoenix.runtime.core.internal.TestAgents.CountV2;
import io.phoenix.runtime.core.internal.TestAgents.Counter;
import io.phoenix.runtime.core.internal.TestAgents.CounterV2;
import io.phoenix.runtime.core.internal.TestAgents.Op;
import io.phoenix.runtime.core.internal.TestAgents.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LiveUpgradeTest extends RuntimeTestSupport {

    @Test
    void removedTypeSuspendsAgentsAndQueuedMessagesRunWhenItReturns() {
        long v1 = register(new Counter(), TestAgents.V1);
        join(runtime.spawn("counter", "c1", null));
        join(runtime.call("c1", new Op("inc", 1), TIMEOUT));

        runtime.removeType(v1);
        assertEquals(AgentStatus.SUSPENDED, join(runtime.info("c1")).status());
        assertFalse(runtime.type("counter").orElseThrow().available());
        assertInstanceOf(TypeNotAvailableException.class, TurnsAndMailboxTest.failure(
                runtime.call("c1", new Op("inc", 100), Duration.ofMillis(50))));
        CompletableFuture<Object> waiting = runtime.call("c1", new Op("inc", 1), TIMEOUT).toCompletableFuture();
        assertEquals(new Count(1), join(runtime.state("c1", Count.class)), "state readable while suspended");

        register(new Counter(), TestAgents.V1);

        assertEquals(new Reply(2), join(waiting), "the queued message ran, the withdrawn one did not");
    }

    @Test
    void upgradeCarriesStateThroughTheHookAndQueuedMessagesRunOnTheNewCode() {
        long v1 = register(new Counter(), TestAgents.V1);
        for (int i = 0; i < 100; i++) {
            join(runtime.spawn("counter", "c" + i, null));
            join(runtime.call("c" + i, new Op("inc", i), TIMEOUT));
        }

        runtime.removeType(v1);
        List<CompletableFuture<Object>> queued = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            queued.add(runtime.call("c" + i, new Op("dec", 1), TIMEOUT).toCompletableFuture());
        }
        register(new CounterV2(), TestAgents.V2);

        for (int i = 0; i < 100; i++) {
            assertEquals(new Reply(i - 1), join(queued.get(i)), "handled once, by v2 (v1 has no dec)");
            CountV2 state = join(runtime.state("c" + i, CountV2.class));
            assertEquals(i - 1, state.value());
            assertEquals("upgraded from 1.0.0", state.note());
        }
        assertEquals("2.0.0", runtime.type("counter").orElseThrow().version());
        assertEquals(1, runtime.type("counter").orElseThrow().upgrades());
    }

    @Test
    void stateReadBetweenUpgradeAndNextTurnShowsTheNewShape() {
        long v1 = register(new Counter(), TestAgents.V1);
        join(runtime.spawn("counter", "c1", null));
        join(runtime.call("c1", new Op("inc", 7), TIMEOUT));

        runtime.removeType(v1);
        register(new CounterV2(), TestAgents.V2);

        assertEquals(new CountV2(7, "upgraded from 1.0.0"), join(runtime.state("c1", CountV2.class)));
        assertEquals("{\"value\":7,\"note\":\"upgraded from 1.0.0\"}", join(runtime.stateJson("c1")));
    }

    @Test
    void higherVersionRegisteredBesideTheOldOneTakesOverLive() {
        register(new Counter(), TestAgents.V1);
        join(runtime.spawn("counter", "c1", null));
        join(runtime.call("c1", new Op("inc", 5), TIMEOUT));

        register(new CounterV2(), TestAgents.V2);

        assertEquals(new Reply(4), join(runtime.call("c1", new Op("dec", 1), TIMEOUT)));
        assertEquals("2.0.0", join(runtime.info("c1")).typeVersion());
    }

    @Test
    void upgradeUnderLoadLosesAndDuplicatesNothing() throws Exception {
        long v1 = register(new Counter(), TestAgents.V1);
        int agents = 20;
        for (int i = 0; i < agents; i++) {
            join(runtime.spawn("counter", "u" + i, null));
        }
        long[] acked = new long[agents];
        long[] inDoubt = new long[agents];
        List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int offset = t;
            Thread client = new Thread(() -> {
                int n = offset;
                while (running.get()) {
                    int target = n++ % agents;
                    try {
                        join(runtime.call("u" + target, new Op("inc", 1), Duration.ofMillis(500)));
                        synchronized (acked) {
                            acked[target]++;
                        }
                    } catch (io.phoenix.agent.api.AgentTimeoutException timeout) {
                        if (timeout.delivered()) {
                            synchronized (acked) {
                                inDoubt[target]++;
                            }
                        }
                    } catch (TypeNotAvailableException notAvailable) {
                        // withdrawn unhandled: not applied
                    } catch (Throwable other) {
                        unexpected.add(other);
                    }
                }
            });
            clients.add(client);
            client.start();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> runtime.status().messagesHandled() > 2_000);
        runtime.removeType(v1);
        register(new CounterV2(), TestAgents.V2);
        long handledAtUpgrade = runtime.status().messagesHandled();
        await().atMost(Duration.ofSeconds(5)).until(() -> runtime.status().messagesHandled() > handledAtUpgrade + 2_000);
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }

        assertTrue(unexpected.isEmpty(), () -> "unexpected failures: " + unexpected);
        for (int i = 0; i < agents; i++) {
            long value = join(runtime.state("u" + i, CountV2.class)).value();
            assertTrue(value >= acked[i] && value <= acked[i] + inDoubt[i],
                    "agent u" + i + ": value " + value + ", acked " + acked[i] + ", in doubt " + inDoubt[i]);
        }
    }
}
