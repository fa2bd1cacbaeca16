package io.phoenix.cluster.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.phoenix.agent.api.AgentException;
import io.phoenix.agent.api.AgentTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Exactly one activation per agent while nodes join, leave and die and agents are spawned and called all along:
 * afterwards every agent answers, holds every acknowledged increment, and lives on exactly one node.
 */
class ChurnTest extends GridNodesTestSupport {

    private static final int PORT = 47760;

    /** Increments of one counter: acknowledged, and in doubt (the call failed after it may have been handled). */
    private static final class Tally {
        final AtomicLong acked = new AtomicLong();
        final AtomicLong inDoubt = new AtomicLong();
    }

    private GridTestNode start(String id) {
        return started(new GridTestNode(id, PORT));
    }

    @Test
    void oneActivationPerAgentThroughJoinsLeavesAndFailures() throws Exception {
        GridTestNode a = start("ch-a");
        GridTestNode b = start("ch-b");
        GridTestNode c = start("ch-c");
        await().atMost(Duration.ofSeconds(30)).until(() -> a.ignite.cluster().forServers().nodes().size() == 3);
        Map<String, Tally> tallies = new ConcurrentHashMap<>();
        List<String> ids = new CopyOnWriteArrayList<>();
        List<String> maybeSpawned = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 60; i++) {
            join(a.runtime.spawn("counter", "churn-" + i, null));
            ids.add("churn-" + i);
            tallies.put("churn-" + i, new Tally());
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong acked = new AtomicLong();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int client = t;
            Thread thread = new Thread(() -> load(a, ids, maybeSpawned, tallies, running, acked, client),
                    "churn-client-" + t);
            thread.start();
            clients.add(thread);
        }
        try {
            awaitMore(acked, 300);
            start("ch-d");                                   // a node joins
            awaitMore(acked, 500);
            b.kill();                                        // one dies
            nodes.remove(b);
            awaitMore(acked, 500);
            start("ch-e");                                   // another joins
            awaitMore(acked, 500);
            c.close();                                       // one leaves on purpose
            nodes.remove(c);
            awaitMore(acked, 500);
            await().atMost(Duration.ofSeconds(30)).until(() -> a.ignite.cluster().forServers().nodes().size() == 3);
        } finally {
            running.set(false);
            for (Thread thread : clients) {
                thread.join(30_000);
            }
        }

        for (String maybe : maybeSpawned) { // spawns that failed during a change may still have happened
            if (value(a, maybe) >= 0) {
                tallies.put(maybe, new Tally());
                ids.add(maybe);
            }
        }
        Map<String, String> wrong = new TreeMap<>();
        for (String id : ids) {
            long value = value(a, id);
            Tally tally = tallies.get(id);
            if (value < tally.acked.get() || value > tally.acked.get() + tally.inDoubt.get()) {
                wrong.put(id, "value " + value + ", acked " + tally.acked + ", in doubt " + tally.inDoubt);
            }
        }
        assertEquals(Map.of(), wrong, "counters outside [acked, acked + in doubt]");
        long activations = nodes.stream().mapToLong(node -> node.runtime.localAgents()).sum();
        assertEquals(ids.size(), activations, "every agent called once more lives on exactly one node");
        System.out.printf("CHURN: %d agents (%d spawned during the churn), %d acknowledged increments, 4 topology"
                + " changes, 0 lost, %d activations%n", ids.size(), ids.size() - 60, acked.get(), activations);
    }

    /** Increments random counters through node a and now and then spawns a new one, until told to stop. */
    private static void load(GridTestNode via, List<String> ids, List<String> maybeSpawned, Map<String, Tally> tallies,
                             AtomicBoolean running, AtomicLong acked, int client) {
        int spawned = 0;
        while (running.get()) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            if (random.nextInt(20) == 0) {
                String id = "churn-new-" + client + "-" + spawned++;
                try {
                    join(via.runtime.spawn("counter", id, null));
                    tallies.put(id, new Tally());
                    ids.add(id);
                } catch (Exception e) {
                    maybeSpawned.add(id); // failed during a topology change: looked up at the end
                }
                continue;
            }
            String id = ids.get(random.nextInt(ids.size()));
            Tally tally = tallies.get(id);
            try {
                join(via.runtime.callJson(id, "{\"op\":\"inc\",\"by\":1}", TIMEOUT));
                tally.acked.incrementAndGet();
                acked.incrementAndGet();
            } catch (ExecutionException failure) {
                if (!(failure.getCause() instanceof AgentException agentFailure) || !agentFailure.retryable()
                        || failure.getCause() instanceof AgentTimeoutException timeout && timeout.delivered()) {
                    tally.inDoubt.incrementAndGet(); // it may have been handled
                }
            } catch (Exception e) {
                tally.inDoubt.incrementAndGet();
            }
        }
    }

    /** The counter's value once it answers; -1 if there is no such agent. */
    private static long value(GridTestNode via, String id) {
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try {
                String reply = join(via.runtime.callJson(id, "{\"op\":\"get\",\"by\":0}", TIMEOUT));
                return Long.parseLong(reply.replaceAll("\\D", ""));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof io.phoenix.agent.api.AgentNotFoundException) {
                    return -1L;
                }
                throw e;
            }
        }, v -> v != null);
    }

    private static void awaitMore(AtomicLong acked, long more) {
        long target = acked.get() + more;
        await().atMost(Duration.ofSeconds(60)).until(() -> acked.get() >= target);
    }
}
