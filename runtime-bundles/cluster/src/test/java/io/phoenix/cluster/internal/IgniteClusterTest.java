package io.phoenix.cluster.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phoenix.cluster.AgentLocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cluster components on real Ignite nodes (three in this JVM, on loopback). */
class IgniteClusterTest extends GridNodesTestSupport {

    private static final int PORT = 47700;

    private GridTestNode start(String id) {
        return started(new GridTestNode(id, PORT));
    }

    @Test
    void agentsLiveOnTheirAffinityOwnerAndSurviveItsDeath() throws Exception {
        GridTestNode a = start("t1-a");
        GridTestNode b = start("t1-b");
        GridTestNode c = start("t1-c");
        await().atMost(Duration.ofSeconds(20)).until(() -> a.ignite.cluster().forServers().nodes().size() == 3);

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String id = "counter-" + i;
            join(a.runtime.spawn("counter", id, null));
            assertEquals("{\"value\":" + i + "}",
                    join(b.runtime.callJson(id, "{\"op\":\"inc\",\"by\":" + i + "}", TIMEOUT)));
            ids.add(id);
        }
        for (String id : ids) {
            String owner = a.placement.nodeFor(id, null);
            assertEquals(owner, b.placement.nodeFor(id, null), "placement agrees on every node");
            assertEquals(owner, join(c.runtime.info(id)).node());
        }
        assertEquals(60, a.runtime.localAgents() + b.runtime.localAgents() + c.runtime.localAgents());

        long onB = b.runtime.localAgents();
        b.kill();
        nodes.remove(b);
        // Survivors re-activate b's agents by themselves, without a message.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> a.runtime.localAgents() + c.runtime.localAgents() == 60);
        assertTrue(onB > 0, "node b hosted agents");

        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String reply = callUntilAnswered(a, id);
            assertEquals("{\"value\":" + (i + 1) + "}", reply, id + " lost an acknowledged update");
        }
        assertEquals(60, a.runtime.localAgents() + c.runtime.localAgents());
    }

    @Test
    void joiningNodeTakesItsShareAndMigrationMovesOneAgent() throws Exception {
        GridTestNode a = start("t2-a");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = "agent-" + i;
            join(a.runtime.spawn("counter", id, null));
            join(a.runtime.callJson(id, "{\"op\":\"inc\",\"by\":1}", TIMEOUT));
            ids.add(id);
        }
        GridTestNode b = start("t2-b");

        await().atMost(Duration.ofSeconds(30)).until(() -> b.runtime.localAgents() > 0 || moved(a, b, ids));
        for (String id : ids) {
            assertEquals("{\"value\":2}", join(b.runtime.callJson(id, "{\"op\":\"inc\",\"by\":1}", TIMEOUT)));
        }
        assertEquals(40, a.runtime.localAgents() + b.runtime.localAgents(), "one activation per agent");
        assertTrue(b.runtime.localAgents() > 0, "the new node hosts some agents");

        String mover = ids.stream().filter(id -> a.placement.nodeFor(id, null).equals("t2-a")).findFirst().orElseThrow();
        AgentLocation moved = join(a.management.migrate(mover, "t2-b"));
        assertEquals("t2-b", moved.placedOn());
        assertTrue(moved.pinned());
        assertEquals("{\"value\":3}", join(a.runtime.callJson(mover, "{\"op\":\"inc\",\"by\":1}", TIMEOUT)));
        assertEquals("t2-b", a.management.where(mover).heldBy());
        assertNotNull(a.management.nodes());
    }

    private static boolean moved(GridTestNode a, GridTestNode b, List<String> ids) {
        return ids.stream().anyMatch(id -> a.placement.nodeFor(id, null).equals("t2-b"));
    }

    /** After a kill, the first calls may fail as retryable while the grid re-assigns partitions. */
    private static String callUntilAnswered(GridTestNode via, String id) {
        return await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> join(via.runtime.callJson(id, "{\"op\":\"inc\",\"by\":1}", TIMEOUT)), r -> r != null);
    }
}
