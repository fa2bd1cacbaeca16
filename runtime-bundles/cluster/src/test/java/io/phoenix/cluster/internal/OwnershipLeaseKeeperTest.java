package io.phoenix.cluster.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The ownership lease on real Ignite nodes: a tick that comes late (this process did not run) lets the lease lapse
 * — no turn runs — until another server answers a ping sent after the wake; a node below its quorum stays fenced.
 * Ticks are driven by the test with chosen clock readings, so a "pause" needs no real pause.
 */
class OwnershipLeaseKeeperTest extends GridNodesTestSupport {

    private static final int PORT = 47830;

    /** A keeper driven by the test instead of the node's own, which stops. */
    private static OwnershipLeaseKeeper keeper(GridTestNode node) {
        node.keeper.deactivate();
        OwnershipLeaseKeeper keeper = new OwnershipLeaseKeeper();
        keeper.guard = node.guard;
        keeper.ignite = node.ignite;
        keeper.grid = node.grid;
        keeper.host = node.runtime;
        keeper.transport = node.transport;
        keeper.init();
        return keeper;
    }

    @Test
    void aPauseFencesTheNodeUntilAnotherServerConfirmsItsMembership() throws Exception {
        GridTestNode a = started(new GridTestNode("l1-a", PORT));
        GridTestNode b = started(new GridTestNode("l1-b", PORT));
        await().atMost(Duration.ofSeconds(20)).until(() -> a.ignite.cluster().forServers().nodes().size() == 2);
        join(a.runtime.spawn("counter", "l1-c", null));
        OwnershipLeaseKeeper keeper = keeper(a);
        long start = System.nanoTime();
        keeper.tick(start);
        assertTrue(a.runtime.leaseValid(), "renewed while the ticks come in time");

        // Two seconds between ticks: longer than a third of the 3 s failure detection timeout.
        long woke = start + TimeUnit.SECONDS.toNanos(2);
        // On the keeper's own thread, so the confirmation (which finishes there) cannot come before the checks.
        CompletableFuture<String> queued = keeper.ticker.submit(() -> {
            keeper.tick(woke);
            assertFalse(a.runtime.leaseValid(), "lapsed: the others may have taken the agents over");
            return a.runtime.callJson("l1-c", "{\"op\":\"inc\",\"by\":1}", TIMEOUT).toCompletableFuture();
        }).get(5, TimeUnit.SECONDS);
        assertFalse(queued.isDone(), "no turn runs before the membership is confirmed");
        await("renewed once node b answered the ping").atMost(Duration.ofSeconds(5)).until(a.runtime::leaseValid);
        assertEquals("{\"value\":1}", queued.get(5, TimeUnit.SECONDS), "the queued message ran once confirmed");
    }

    @Test
    void aNodeBelowItsQuorumStaysFenced() throws Exception {
        GridTestNode a = started(new GridTestNode("l2-a", PORT + 20));
        GridTestNode b = started(new GridTestNode("l2-b", PORT + 20));
        a.quorum = 2;
        await().atMost(Duration.ofSeconds(20)).until(() -> a.ignite.cluster().forServers().nodes().size() == 2);
        OwnershipLeaseKeeper keeper = keeper(a);
        keeper.tick(System.nanoTime());
        assertTrue(a.runtime.leaseValid());

        b.kill();
        nodes.remove(b);
        await().atMost(Duration.ofSeconds(20)).until(() -> a.ignite.cluster().forServers().nodes().size() == 1);
        keeper.tick(System.nanoTime());
        assertFalse(a.runtime.leaseValid(), "one server of a quorum of 2: no turn runs");
        keeper.tick(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200));
        assertFalse(a.runtime.leaseValid(), "and it is not renewed while the quorum is missing");
    }
}
