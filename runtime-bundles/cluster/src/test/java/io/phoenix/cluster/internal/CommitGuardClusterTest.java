package io.phoenix.cluster.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phoenix.agent.api.AgentCommitUncertainException;
import io.phoenix.agent.api.AgentTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * A commit is acknowledged only while the writing node can trust its membership, on real Ignite nodes: below its
 * quorum nothing runs and nothing is acknowledged; after a server left its view, a write is acknowledged only once the
 * others confirmed this node again; the survivors of a kill -9 go on acknowledging once they did.
 */
class CommitGuardClusterTest extends GridNodesTestSupport {

    private static final int PORT = 47790;
    private static final String INC = "{\"op\":\"inc\",\"by\":1}";

    @Test
    void aNodeBelowItsQuorumRunsAndAcknowledgesNothing() throws Exception {
        GridTestNode a = started(new GridTestNode("g1-a", PORT));
        GridTestNode b = started(new GridTestNode("g1-b", PORT));
        a.quorum = 2;
        b.quorum = 2;
        await().atMost(Duration.ofSeconds(20)).until(() -> a.ignite.cluster().forServers().nodes().size() == 2);
        String id = agentHeldBy(a);
        assertEquals("{\"value\":1}", join(a.runtime.callJson(id, INC, TIMEOUT)));

        b.kill();
        nodes.remove(b);
        await().atMost(Duration.ofSeconds(20)).until(() -> a.ignite.cluster().forServers().nodes().size() == 1);
        assertTrue(a.guard.distrust().contains("fewer than its quorum of 2"), a.guard.distrust());

        ExecutionException failure = assertThrows(ExecutionException.class, () -> a.runtime
                .callJson(id, INC, Duration.ofSeconds(1)).toCompletableFuture().get());
        AgentTimeoutException timeout = assertInstanceOf(AgentTimeoutException.class, failure.getCause());
        assertFalse(timeout.delivered(), "fenced: the message never ran, " + timeout.getMessage());
    }

    @Test
    void aWriteAfterAServerLeftIsUncertainUntilTheOthersConfirmThisNode() throws Exception {
        GridTestNode a = started(new GridTestNode("g2-a", PORT + 20));
        GridTestNode b = started(new GridTestNode("g2-b", PORT + 20));
        GridTestNode c = started(new GridTestNode("g2-c", PORT + 20));
        await().atMost(Duration.ofSeconds(20)).until(() -> a.ignite.cluster().forServers().nodes().size() == 3);
        String id = agentHeldBy(a);
        assertEquals("{\"value\":1}", join(a.runtime.callJson(id, INC, TIMEOUT)));
        // The test plays the keeper's part: no pings, no lease.
        a.keeper.deactivate();
        a.runtime.leaseUntil(Long.MAX_VALUE);

        c.kill();
        nodes.remove(c);
        await().atMost(Duration.ofSeconds(20)).until(() -> a.ignite.cluster().forServers().nodes().size() == 2);
        assertNotNull(a.guard.departedSinceConfirmed());
        ExecutionException failure = assertThrows(ExecutionException.class, () -> a.runtime
                .callJson(id, INC, TIMEOUT).toCompletableFuture().get());
        assertInstanceOf(AgentCommitUncertainException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().contains("server g2-c left"), failure.getCause().getMessage());

        a.guard.confirmed(a.guard.topologyVersion()); // what the keeper does once b answered its ping
        assertNull(a.guard.distrust());
        String reply = join(a.runtime.callJson(id, INC, TIMEOUT));
        assertTrue(reply.equals("{\"value\":2}") || reply.equals("{\"value\":3}"), reply + ": 1 acked + 1 uncertain + 1");
    }

    @Test
    void withTheKeeperTheSurvivorsOfAKillGoOnAcknowledging() throws Exception {
        GridTestNode a = started(new GridTestNode("g3-a", PORT + 40));
        GridTestNode b = started(new GridTestNode("g3-b", PORT + 40));
        GridTestNode c = started(new GridTestNode("g3-c", PORT + 40));
        a.quorum = 2;
        b.quorum = 2;
        await().atMost(Duration.ofSeconds(20)).until(() -> a.ignite.cluster().forServers().nodes().size() == 3);
        String id = agentHeldBy(a);
        assertEquals("{\"value\":1}", join(a.runtime.callJson(id, INC, TIMEOUT)));

        c.kill();
        nodes.remove(c);
        await().atMost(Duration.ofSeconds(20)).until(() -> a.ignite.cluster().forServers().nodes().size() == 2);
        await("confirmed again by b").atMost(Duration.ofSeconds(5)).until(() -> a.guard.distrust() == null);
        assertEquals("{\"value\":2}", join(a.runtime.callJson(id, INC, TIMEOUT)));
    }

    /** Spawns counters until one is placed on {@code node}, and returns its id. */
    private static String agentHeldBy(GridTestNode node) throws Exception {
        for (int i = 0; ; i++) {
            String id = node.id + "-counter-" + i;
            join(node.runtime.spawn("counter", id, null));
            if (node.placement.nodeFor(id, null).equals(node.id)) {
                return id;
            }
        }
    }
}
