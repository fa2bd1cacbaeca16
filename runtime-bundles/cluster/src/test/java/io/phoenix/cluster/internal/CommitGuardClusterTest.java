package io.phoenix.cluster.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phoenix.agent.api.AgentCommitUncertainException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * A commit is acknowledged only while the writing node sees its quorum: on two real Ignite nodes with
 * {@code quorum.size} 2, a node left alone answers an update {@code commit_uncertain} instead of acknowledging a
 * write that exists on its side only; without a quorum, the survivor of a kill -9 goes on acknowledging.
 */
class CommitGuardClusterTest extends GridNodesTestSupport {

    private static final int PORT = 47790;

    @Test
    void aNodeBelowItsQuorumAcknowledgesNoUpdate() throws Exception {
        GridTestNode a = started(new GridTestNode("g1-a", PORT));
        GridTestNode b = started(new GridTestNode("g1-b", PORT));
        a.quorum = 2;
        b.quorum = 2;
        await().atMost(Duration.ofSeconds(20)).until(() -> a.ignite.cluster().forServers().nodes().size() == 2);
        String id = agentHeldBy(a);
        assertEquals("{\"value\":1}", join(a.runtime.callJson(id, "{\"op\":\"inc\",\"by\":1}", TIMEOUT)));

        b.kill();
        nodes.remove(b);
        await().atMost(Duration.ofSeconds(20)).until(() -> a.ignite.cluster().forServers().nodes().size() == 1);

        ExecutionException failure = assertThrows(ExecutionException.class, () -> a.runtime
                .callJson(id, "{\"op\":\"inc\",\"by\":1}", TIMEOUT).toCompletableFuture().get());
        assertInstanceOf(AgentCommitUncertainException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().contains("fewer than its quorum of 2"),
                failure.getCause().getMessage());
    }

    @Test
    void withoutQuorumTheSurvivorOfAKillGoesOnAcknowledging() throws Exception {
        GridTestNode a = started(new GridTestNode("g2-a", PORT + 20));
        GridTestNode b = started(new GridTestNode("g2-b", PORT + 20));
        GridTestNode c = started(new GridTestNode("g2-c", PORT + 20));
        await().atMost(Duration.ofSeconds(20)).until(() -> a.ignite.cluster().forServers().nodes().size() == 3);
        String id = agentHeldBy(a);
        assertEquals("{\"value\":1}", join(a.runtime.callJson(id, "{\"op\":\"inc\",\"by\":1}", TIMEOUT)));

        c.kill();
        nodes.remove(c);
        await().atMost(Duration.ofSeconds(20)).until(() -> a.ignite.cluster().forServers().nodes().size() == 2);
        assertEquals("{\"value\":2}", join(a.runtime.callJson(id, "{\"op\":\"inc\",\"by\":1}", TIMEOUT)));
        assertEquals(2, b.ignite.cluster().forServers().nodes().size());
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
