package io.phoenix.runtime.core.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phoenix.agent.api.AgentAlreadyExistsException;
import io.phoenix.agent.api.AgentNotFoundException;
import io.phoenix.agent.api.AgentOptions;
import io.phoenix.agent.api.AgentTimeoutException;
import io.phoenix.agent.api.MailboxFullException;
import io.phoenix.runtime.core.internal.TestAgents.Count;
import io.phoenix.runtime.core.internal.TestAgents.Counter;
import io.phoenix.runtime.core.internal.TestAgents.Op;
import io.phoenix.runtime.core.internal.TestAgents.Recorder;
import io.phoenix.runtime.core.internal.TestAgents.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class TurnsAndMailboxTest extends RuntimeTestSupport {

    @Test
    void callReturnsTheReplyAndCommitsState() {
        register(new Counter(), TestAgents.V1);
        join(runtime.spawn("counter", "c1", null));

        Object reply = join(runtime.call("c1", new Op("inc", 5), TIMEOUT));

        assertEquals(new Reply(5), reply);
        assertEquals(new Count(5), join(runtime.state("c1", Count.class)));
    }

    @Test
    void messagesFromOneSenderAreHandledInOrder() {
        register(new Recorder(), TestAgents.V1);
        join(runtime.spawn("recorder", "r1", null));

        for (int i = 0; i < 5_000; i++) {
            runtime.cast("r1", i);
        }
        join(runtime.call("r1", 5_000, TIMEOUT));

        @SuppressWarnings("unchecked")
        List<Integer> seen = join(runtime.state("r1", List.class));
        assertEquals(5_001, seen.size());
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i, seen.get(i));
        }
    }

    @Test
    void oneTurnAtATimeUnderConcurrentSenders() throws Exception {
        Counter counter = new Counter();
        register(counter, TestAgents.V1);
        join(runtime.spawn("counter", "c1", null));

        List<Thread> senders = new ArrayList<>();
        List<CompletableFuture<Object>> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread sender = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    calls.add(runtime.call("c1", new Op("inc", 1), TIMEOUT).toCompletableFuture());
                }
            });
            senders.add(sender);
            sender.start();
        }
        for (Thread sender : senders) {
            sender.join();
        }
        CompletableFuture.allOf(calls.toArray(new CompletableFuture[0])).join();

        assertEquals(new Count(8_000), join(runtime.state("c1", Count.class)));
        assertEquals(1, counter.maxInFlight.get(), "an agent never runs two turns at once");
    }

    @Test
    void fullMailboxRejectsTheSenderAndLosesNothingQueued() {
        Counter counter = new Counter();
        counter.options = AgentOptions.defaults().withMailboxCapacity(10);
        counter.gate = new CountDownLatch(1);
        register(counter, TestAgents.V1);
        join(runtime.spawn("counter", "c1", null));

        CompletableFuture<Object> blocked = runtime.call("c1", new Op("wait", 0), TIMEOUT).toCompletableFuture();
        await().atMost(Duration.ofSeconds(5)).until(() -> counter.inFlight.get() == 1);
        for (int i = 0; i < 10; i++) {
            runtime.cast("c1", new Op("inc", 1));
        }

        MailboxFullException full = assertThrows(MailboxFullException.class, () -> runtime.cast("c1", new Op("inc", 1)));
        assertTrue(full.retryable());
        CompletionException viaCall = assertThrows(CompletionException.class,
                () -> runtime.call("c1", new Op("inc", 1), TIMEOUT).toCompletableFuture().join());
        assertInstanceOf(MailboxFullException.class, viaCall.getCause());

        counter.gate.countDown();
        join(blocked);
        await().atMost(Duration.ofSeconds(5)).until(() -> join(runtime.state("c1", Count.class)).value() == 10);
    }

    @Test
    void timedOutCallStillQueuedIsWithdrawnAndNeverHandled() {
        Counter counter = new Counter();
        counter.gate = new CountDownLatch(1);
        register(counter, TestAgents.V1);
        join(runtime.spawn("counter", "c1", null));
        runtime.cast("c1", new Op("wait", 0));
        await().atMost(Duration.ofSeconds(5)).until(() -> counter.inFlight.get() == 1);

        CompletionException failure = assertThrows(CompletionException.class, () ->
                runtime.call("c1", new Op("inc", 100), Duration.ofMillis(50)).toCompletableFuture().join());

        AgentTimeoutException timeout = assertInstanceOf(AgentTimeoutException.class, failure.getCause());
        assertFalse(timeout.delivered(), "the message never reached the agent");
        counter.gate.countDown();
        assertEquals(new Reply(0), join(runtime.call("c1", new Op("get", 0), TIMEOUT)));
    }

    @Test
    void timedOutCallAlreadyRunningIsReportedAsDelivered() {
        Counter counter = new Counter();
        counter.gate = new CountDownLatch(1);
        register(counter, TestAgents.V1);
        join(runtime.spawn("counter", "c1", null));

        CompletionException failure = assertThrows(CompletionException.class, () ->
                runtime.call("c1", new Op("wait", 0), Duration.ofMillis(100)).toCompletableFuture().join());

        AgentTimeoutException timeout = assertInstanceOf(AgentTimeoutException.class, failure.getCause());
        assertTrue(timeout.delivered());
        assertFalse(timeout.retryable());
        counter.gate.countDown();
    }

    @Test
    void spawnRejectsDuplicatesAndUnknownTypes() {
        register(new Counter(), TestAgents.V1);
        join(runtime.spawn("counter", "c1", null));

        assertInstanceOf(AgentAlreadyExistsException.class, failure(runtime.spawn("counter", "c1", null)));
        assertInstanceOf(io.phoenix.agent.api.TypeNotAvailableException.class,
                failure(runtime.spawn("nope", "x", null)));
        assertInstanceOf(io.phoenix.agent.api.BadMessageException.class, failure(runtime.spawn("counter", "", null)));
        assertThrows(AgentNotFoundException.class, () -> runtime.cast("ghost", new Op("inc", 1)));
    }

    @Test
    void stopAnswersLaterMessagesWithNotFound() {
        Counter counter = new Counter();
        register(counter, TestAgents.V1);
        join(runtime.spawn("counter", "c1", null));
        runtime.cast("c1", new Op("inc", 1));

        join(runtime.stop("c1"));

        assertInstanceOf(AgentNotFoundException.class, failure(runtime.call("c1", new Op("get", 0), TIMEOUT)));
        join(runtime.spawn("counter", "c1", null)); // the id is free again
        assertEquals(new Reply(0), join(runtime.call("c1", new Op("get", 0), TIMEOUT)));
    }

    @Test
    void agentCanStopItself() {
        register(new Counter(), TestAgents.V1);
        join(runtime.spawn("counter", "c1", null));

        join(runtime.call("c1", new Op("stop", 0), TIMEOUT));

        await().atMost(Duration.ofSeconds(5)).until(() -> runtime.list(io.phoenix.agent.api.AgentQuery.first(10))
                .agents().isEmpty());
    }

    static Throwable failure(java.util.concurrent.CompletionStage<?> stage) {
        CompletionException e = assertThrows(CompletionException.class, () -> stage.toCompletableFuture().join());
        return e.getCause();
    }
}
