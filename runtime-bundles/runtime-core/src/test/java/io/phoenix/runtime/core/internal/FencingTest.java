package io.phoenix.runtime.core.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phoenix.agent.api.AgentCommitUncertainException;
import io.phoenix.agent.api.AgentUnavailableException;
import io.phoenix.runtime.core.internal.TestAgents.Count;
import io.phoenix.runtime.core.internal.TestAgents.Counter;
import io.phoenix.runtime.core.internal.TestAgents.Op;
import io.phoenix.runtime.core.internal.TestAgents.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Acknowledged means stored: a turn whose commit fails is never answered as a success, and no turn runs or is
 * answered while this node's ownership lease is lapsed (a paused or cut-off node must not act on stale state).
 */
class FencingTest extends RuntimeTestSupport {

    private final ReplicatedTestStore store = new ReplicatedTestStore();

    @BeforeEach
    void replicated() {
        runtime.stateStore = store;
        register(new Counter(), TestAgents.V1);
        join(runtime.spawn("counter", "c1", null));
        assertEquals(new Reply(1), join(runtime.call("c1", new Op("inc", 1), TIMEOUT)));
    }

    @Test
    void aFailedCommitIsUncertainAndTheAgentReloadsWhatIsStored() {
        store.failing = true;
        Throwable failure = TurnsAndMailboxTest.failure(runtime.call("c1", new Op("inc", 1), TIMEOUT));
        assertInstanceOf(AgentCommitUncertainException.class, failure);
        AgentCommitUncertainException uncertain = (AgentCommitUncertainException) failure;
        assertEquals("commit_uncertain", uncertain.code());
        assertTrue(uncertain.delivered(), "the update may have happened");
        assertFalse(uncertain.retryable(), "retrying could apply it twice");
        assertTrue(failure.getMessage().contains("may or may not persist"), failure.getMessage());

        store.failing = false;
        assertEquals(new Reply(1), join(runtime.call("c1", new Op("get", 0), TIMEOUT)),
                "memory never runs ahead of the store");
    }

    @Test
    void aStoreThatThrowsIsTreatedAsAFailedCommit() {
        store.throwing = true;
        Throwable failure = TurnsAndMailboxTest.failure(runtime.call("c1", new Op("inc", 5), TIMEOUT));
        assertInstanceOf(AgentCommitUncertainException.class, failure);
        store.throwing = false;
        assertEquals(new Reply(1), join(runtime.call("c1", new Op("get", 0), TIMEOUT)));
        assertEquals(new Reply(2), join(runtime.call("c1", new Op("inc", 1), TIMEOUT)));
    }

    @Test
    void noTurnRunsWhileTheLeaseIsLapsedAndQueuedMessagesRunOnceRenewed() {
        runtime.lease.renew(System.nanoTime() - 1);
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runtime.cast("c1", new Op("inc", 1));
            calls.add(runtime.call("c1", new Op("inc", 1), Duration.ofSeconds(10)).toCompletableFuture());
        }
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                .until(() -> calls.stream().noneMatch(CompletableFuture::isDone));
        assertEquals(1, runtime.lease.heldCount(), "the activation waits for the lease");

        runtime.lease.renew(System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
        assertEquals(new Reply(7), join(calls.get(2)), "every message handled once, in order, after the renewal");
        assertEquals(new Count(7), join(runtime.state("c1", Count.class)));
    }

    @Test
    void messagesQueuedWhileFencedFailAsRetryableWhenTheNodeDropsItsActivations() {
        runtime.lease.renew(System.nanoTime() - 1);
        CompletableFuture<Object> call = runtime.call("c1", new Op("inc", 1), Duration.ofSeconds(10))
                .toCompletableFuture();
        await().atMost(Duration.ofSeconds(1)).until(() -> runtime.lease.heldCount() == 1);

        assertEquals(1, runtime.dropAll("this node was segmented"));
        Throwable failure = TurnsAndMailboxTest.failure(call);
        assertInstanceOf(AgentUnavailableException.class, failure);
        assertTrue(((AgentUnavailableException) failure).retryable());
    }

    @Test
    void aReadEndingAfterTheLeaseLapsedIsRetryableNotASuccess() {
        runtime.lease.renew(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));
        Throwable failure = TurnsAndMailboxTest.failure(runtime.call("c1", new Op("sleep", 300), TIMEOUT));
        assertInstanceOf(AgentUnavailableException.class, failure);
        assertTrue(failure.getMessage().contains("ownership lease lapsed"), failure.getMessage());
    }

    @Test
    void anUpdateConfirmedAfterTheLeaseLapsedIsUncertain() {
        store.ackMillis = 300;
        runtime.lease.renew(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));
        Throwable failure = TurnsAndMailboxTest.failure(runtime.call("c1", new Op("inc", 1), TIMEOUT));
        assertInstanceOf(AgentCommitUncertainException.class, failure);
    }

    @Test
    void aNodeThatHasNotJoinedItsClusterYetNeverAnswersNotFound() {
        runtime.expectCluster(true);
        Throwable failure = TurnsAndMailboxTest.failure(runtime.call("elsewhere", new Op("get", 0), TIMEOUT));
        assertInstanceOf(AgentUnavailableException.class, failure, "it may exist on the cluster");
        assertTrue(((AgentUnavailableException) failure).retryable());
        assertEquals(new Reply(2), join(runtime.call("c1", new Op("inc", 1), TIMEOUT)), "local agents still serve");

        runtime.expectCluster(false);
        assertInstanceOf(io.phoenix.agent.api.AgentNotFoundException.class,
                TurnsAndMailboxTest.failure(runtime.call("elsewhere", new Op("get", 0), TIMEOUT)));
    }

    @Test
    void aSingleNodeHasNoLease() {
        runtime.leaseUntil(System.nanoTime() - 1); // a late renewal from a cluster bundle that went away: ignored
        assertTrue(runtime.leaseValid());
        assertEquals(new Reply(2), join(runtime.call("c1", new Op("inc", 1), TIMEOUT)));
    }
}
