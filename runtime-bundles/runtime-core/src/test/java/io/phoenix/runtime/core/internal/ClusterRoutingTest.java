package io.phoenix.runtime.core.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phoenix.agent.api.AgentNotFoundException;
import io.phoenix.agent.api.AgentQuery;
import io.phoenix.runtime.core.internal.TestAgents.Count;
import io.phoenix.runtime.core.internal.TestAgents.Counter;
import io.phoenix.runtime.core.internal.TestAgents.Op;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

class ClusterRoutingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private InMemoryCluster cluster;
    private LocalRuntime a;
    private LocalRuntime b;

    @BeforeEach
    void start() {
        cluster = new InMemoryCluster();
        a = withCounter(cluster.start("node-a"));
        b = withCounter(cluster.start("node-b"));
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private static LocalRuntime withCounter(LocalRuntime runtime) {
        runtime.addType(new Counter(), new Version(1, 0, 0), "test", 1);
        return runtime;
    }

    /** An agent id that the in-memory placement puts on the given node. */
    private String idOn(String node, String prefix) {
        for (int i = 0; ; i++) {
            String id = prefix + "-" + i;
            if (cluster.ownerOf(id).equals(node)) {
                return id;
            }
        }
    }

    @Test
    void spawnAndCallFromAnyNodeReachTheOwner() {
        String id = idOn("node-b", "c");

        join(a.spawn("counter", id, null));
        assertEquals("{\"value\":3}", join(a.callJson(id, "{\"op\":\"inc\",\"by\":3}", TIMEOUT)));
        a.castJson(id, "{\"op\":\"inc\",\"by\":1}");

        await().atMost(Duration.ofSeconds(5)).until(() -> "{\"value\":4}".equals(join(a.stateJson(id))));
        assertEquals(1, b.localAgents());
        assertEquals(0, a.localAgents());
        assertEquals("node-b", join(a.info(id)).node());
        assertEquals(Map.of("value", 4), join(a.call(id, new Op("get", 0), TIMEOUT)), "remote replies arrive as plain values");
        assertTrue(cluster.states.containsKey(id), "every commit is stored");
    }

    @Test
    void unknownAgentIsNotFoundFromEveryNode() {
        String remote = idOn("node-b", "ghost");
        assertInstanceOf(AgentNotFoundException.class, failure(a.callJson(remote, "{\"op\":\"get\"}", TIMEOUT)));
        assertInstanceOf(AgentNotFoundException.class, failure(a.stateJson(remote)));
    }

    @Test
    void agentsOfAKilledNodeComeBackElsewhereWithTheirState() {
        List<String> ids = spawnCounters(20);
        for (String id : ids) {
            join(a.callJson(id, "{\"op\":\"inc\",\"by\":5}", TIMEOUT));
        }

        cluster.kill("node-b");

        for (String id : ids) {
            assertEquals("{\"value\":6}", join(a.callJson(id, "{\"op\":\"inc\",\"by\":1}", TIMEOUT)), id);
        }
        assertEquals(20, a.localAgents());
    }

    @Test
    void joiningNodeTakesItsShareWithoutLossOrDuplicates() {
        cluster.kill("node-b");
        List<String> ids = spawnCounters(40);
        for (String id : ids) {
            join(a.callJson(id, "{\"op\":\"inc\",\"by\":2}", TIMEOUT));
        }

        LocalRuntime c = withCounter(cluster.start("node-c"));
        int moved = join(a.rehome());

        assertTrue(moved > 0 && moved < 40, "some agents moved: " + moved);
        assertEquals(40 - moved, a.localAgents(), "released agents left node-a");
        for (String id : ids) {
            assertEquals("{\"value\":3}", join(a.callJson(id, "{\"op\":\"inc\",\"by\":1}", TIMEOUT)), id);
        }
        assertEquals(40, a.localAgents() + c.localAgents(), "each agent lives on exactly one node");
        assertEquals(40 - moved, a.localAgents());
        assertEquals(moved, c.localAgents());
    }

    @Test
    void newOwnerTakesOverFromALiveHolderAndQueuedMessagesFollow() throws Exception {
        cluster.kill("node-b");
        List<String> ids = spawnCounters(30);
        LocalRuntime c = withCounter(cluster.start("node-c"));
        String moving = ids.stream().filter(id -> cluster.ownerOf(id).equals("node-c")).findFirst().orElseThrow();

        // node-a has not re-homed yet: a call through node-c makes it claim the agent from node-a.
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            LocalRuntime via = i % 2 == 0 ? a : c;
            calls.add(via.callJson(moving, "{\"op\":\"inc\",\"by\":1}", TIMEOUT).toCompletableFuture()
                    .thenApply(reply -> (Object) reply));
        }
        CompletableFuture.allOf(calls.toArray(new CompletableFuture[0])).get(10, TimeUnit.SECONDS);

        assertEquals("{\"value\":50}", join(c.stateJson(moving)));
        assertEquals(1, countActivations(moving), "one activation");
        assertEquals("node-c", cluster.directoryEntries.get(moving).holder());
    }

    @Test
    void listingMergesEveryNodeInIdOrder() {
        List<String> ids = spawnCounters(25);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = a.list(new AgentQuery(null, cursor, 7));
            page.agents().forEach(info -> seen.add(info.id()));
            cursor = page.nextCursor();
        } while (cursor != null);

        List<String> expected = new ArrayList<>(ids);
        expected.sort(String::compareTo);
        assertEquals(expected, seen);
        assertNotEquals(0, a.localAgents());
        assertNotEquals(0, b.localAgents());
    }

    private List<String> spawnCounters(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "counter-" + i;
            join(a.spawn("counter", id, new Count(0)));
            ids.add(id);
        }
        return ids;
    }

    private long countActivations(String id) {
        return cluster.nodes.values().stream().mapToLong(node -> node.listLocal(new AgentQuery(null, null, 1000))
                .agents().stream().filter(info -> info.id().equals(id)).count()).sum();
    }

    static <T> T join(CompletionStage<T> stage) {
        return RuntimeTestSupport.join(stage);
    }

    static Throwable failure(CompletionStage<?> stage) {
        return TurnsAndMailboxTest.failure(stage);
    }

    @Test
    void aRequestThatArrivesBeforeTheRuntimeAttachedWaitsForIt() throws Exception {
        LocalRuntime late = withCounter(cluster.startDetached("node-late"));
        CompletableFuture<io.phoenix.runtime.spi.RemoteReply> reply = late.handle("node-a",
                new io.phoenix.runtime.spi.RemoteRequest(io.phoenix.runtime.spi.RemoteRequest.Operation.STATUS, null,
                        null, null, 5_000, 0)).toCompletableFuture();
        assertFalse(reply.isDone(), "waits for the attach instead of failing at once");
        cluster.attach("node-late");
        assertTrue(reply.get(5, TimeUnit.SECONDS).succeeded(), reply.get().toString());

        LocalRuntime never = cluster.startDetached("node-never");
        io.phoenix.runtime.spi.RemoteReply refused = never.handle("node-a", new io.phoenix.runtime.spi.RemoteRequest(
                io.phoenix.runtime.spi.RemoteRequest.Operation.STATUS, null, null, null, 400, 0))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertFalse(refused.succeeded());
        assertTrue(refused.errorMessage().contains("is not in a cluster"), refused.errorMessage());
    }
}
