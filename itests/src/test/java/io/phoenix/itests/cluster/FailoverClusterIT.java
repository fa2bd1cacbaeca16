package io.phoenix.itests.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Node failures under continuous load on three real nodes (quorum.size 2, backups 2): kill -9 (then the node restarts
 * and rejoins), SIGSTOP (then SIGCONT: the woken node must not keep serving agents that moved; it rejoins by itself),
 * and SIGSTOP of two nodes at once (the node left alone has no quorum: it stops serving until the others are back).
 * Load enters through the surviving nodes only, so every call's outcome is known to the caller. Measures and
 * prints detection time and the time until every agent answers again.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class FailoverClusterIT extends ClusterTestSupport {

    /** Spec floor for recovery (issue 3); the targets are 5 s after a kill, failure detection + 5 s after a hang. */
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);
    private static final Pattern VALUE = Pattern.compile("\\{\"value\":(-?\\d+)}");

    @BeforeClass
    public static void startCluster() throws Exception {
        cluster = PhoenixCluster.start(3, node -> {
            node.environment.put("PHOENIX_QUORUM_SIZE", "2");
            node.environment.put("PHOENIX_BACKUPS", "2"); // every node holds every state: one node alone loses none
        });
    }

    @Test
    public void t1_killNineUnderLoadThenRestart() throws Exception {
        PhoenixNodeProcess victim = cluster.node(3);
        List<String> ids = ids("kill", 60);
        spawnCounters(ids);
        int held = hostsOf(cluster.node(1), ids).getOrDefault(victim.id, 0);
        CounterLoad load = new CounterLoad(List.of(cluster.node(1), cluster.node(2)), ids, 6).start();
        try {
            awaitLoad(load, 500);
            long pid = victim.pid();
            long kill = System.nanoTime();
            load.mark(kill);
            victim.kill();
            assertFalse("JVM " + pid + " must be gone after kill -9", ProcessHandle.of(pid).isPresent());
            Failover f = measureFailover(load, kill, 2);
            System.out.printf("KILL -9: %s (PID %d) held %d of 60 agents; detected by node-1 after %d ms; all 60"
                            + " agents answering again after %d ms (target 5000 ms); %d agents saw failed calls;"
                            + " longest inc %d ms%n", victim.id, pid, held, f.detectedMs, f.recoveredMs,
                    load.agentsFailedAfterMark(), load.takeMaxLatencyMs());
            awaitLoad(load, load.acked() + 300);

            long restart = System.nanoTime();
            victim.start();
            cluster.awaitFormed(3);
            long rejoined = System.nanoTime();
            awaitPlacementHonoured(ids);
            System.out.printf("KILL -9: %s restarted and rejoined after %d ms, holds its agents again after %d ms"
                            + " more; agents per node %s; longest inc meanwhile %d ms%n", victim.id,
                    (rejoined - restart) / 1_000_000, (System.nanoTime() - rejoined) / 1_000_000,
                    hostsOf(cluster.node(1), ids), load.takeMaxLatencyMs());
            awaitLoad(load, load.acked() + 300);
        } finally {
            load.close();
        }
        assertNothingLostAndListedOnce(load, ids);
    }

    @Test
    public void t2_sigstopUnderLoadThenSigcont() throws Exception {
        PhoenixNodeProcess victim = cluster.node(2);
        List<String> ids = ids("pause", 60);
        spawnCounters(ids);
        List<String> onVictim = new ArrayList<>();
        for (String id : ids) {
            if (victim.id.equals(where(cluster.node(1), id).get("Held by"))) {
                onVictim.add(id);
            }
        }
        CounterLoad load = new CounterLoad(List.of(cluster.node(1), cluster.node(3)), ids, 6).start();
        try {
            awaitLoad(load, 500);
            long pause = System.nanoTime();
            load.mark(pause);
            victim.pause();
            Failover f = measureFailover(load, pause, 2);
            System.out.printf("SIGSTOP: %s held %d of 60 agents; detected by node-1 after %d ms; all 60 agents"
                            + " answering again after %d ms (target: failure detection timeout + 5000 ms); %d agents"
                            + " saw failed calls; longest inc %d ms%n", victim.id, onVictim.size(), f.detectedMs,
                    f.recoveredMs, load.agentsFailedAfterMark(), load.takeMaxLatencyMs());
            awaitLoad(load, load.acked() + 300);

            long wake = System.nanoTime();
            victim.resume();
            // The woken node must find out that it is no longer a member (or rejoin as a new one), and must not
            // answer for agents that moved.
            await(victim.id + " reports that it lost the cluster, or rejoins").atMost(WAIT)
                    .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> !"JOINED".equals(properties(victim.exec("phoenix:cluster-status --no-format")).get("State"))
                            || cluster.servers(cluster.node(1)).orElse(-1) == 3);
            String lost = sh(victim, "phoenix:cluster-status --no-format").text().trim();
            long noticed = System.nanoTime();
            for (String id : onVictim) {
                long current = value(cluster.node(1), id);
                NodeShell.Result r = sh(victim, "phoenix:agent-call " + id + " '{\"op\":\"get\"}'");
                Matcher answer = VALUE.matcher(r.out());
                assertTrue(id + ": the woken node answered " + r.out().trim() + " but the agent was already at "
                        + current + " on the cluster: a stale second activation",
                        !answer.find() || Long.parseLong(answer.group(1)) >= current);
            }
            // Its activations from before the pause are dropped; once it has rejoined (rejoin.after.segmentation)
            // it may hold agents again, claimed anew — listed once each, checked at the end.
            String active = await(victim.id + " runs no activation from before the pause").atMost(WAIT)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> properties(sh(victim, "phoenix:status --no-format")).get("Active agents"),
                            a -> "0".equals(a) || rejoined(victim));
            awaitLoad(load, load.acked() + 300);
            System.out.printf("SIGCONT: %s noticed it lost the cluster %d ms after waking (\"%s\"); active agents"
                    + " on it then: %s%n", victim.id, (noticed - wake) / 1_000_000, lost.replace('\n', ' '), active);

            long restart = System.nanoTime();
            if (cluster.servers(cluster.node(1)).orElse(-1) != 3) {
                cluster.restart(victim, 3);
            }
            long rejoined = System.nanoTime();
            awaitPlacementHonoured(ids);
            System.out.printf("SIGCONT: %s restarted and rejoined after %d ms, holds its agents again after %d ms"
                            + " more; longest inc meanwhile %d ms%n", victim.id, (rejoined - restart) / 1_000_000,
                    (System.nanoTime() - rejoined) / 1_000_000, load.takeMaxLatencyMs());
            awaitLoad(load, load.acked() + 300);
        } finally {
            load.close();
        }
        assertNothingLostAndListedOnce(load, ids);
    }

    @Test
    public void t3_twoNodesHangTheOneLeftHasNoQuorumUntilTheyAreBack() throws Exception {
        PhoenixNodeProcess alone = cluster.node(1);
        List<String> ids = ids("quorum", 30);
        spawnCounters(ids);
        CounterLoad load = new CounterLoad(List.of(alone), ids, 4).start();
        try {
            awaitLoad(load, 300);
            long pause = System.nanoTime();
            cluster.node(2).pause();
            cluster.node(3).pause();
            String id = ids.get(0);
            NodeShell.Result refused = await("node-1 alone stops serving (no quorum)").atMost(WAIT)
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> alone.exec("phoenix:agent-call " + id + " '{\"op\":\"get\"}'"),
                            r -> r.text().contains("agent_unavailable"));
            long stopped = System.nanoTime();
            System.out.printf("QUORUM: node-2 and node-3 paused; node-1 alone refused to serve %d ms later: %s%n",
                    (stopped - pause) / 1_000_000, refused.text().trim());
            Map<String, String> status = properties(sh(alone, "phoenix:cluster-status --no-format"));
            assertEquals(status.toString(), "NO_QUORUM", status.get("State"));
            assertTrue("karaf.log says why", java.nio.file.Files.readString(alone.log()).contains("no quorum"));

            long wake = System.nanoTime();
            load.mark(wake);
            cluster.node(2).resume();
            cluster.node(3).resume();
            long answered = await("every agent answers through node-1 again").atMost(WAIT)
                    .pollInterval(Duration.ofMillis(50)).until(load::allAnsweredNanos, at -> at > 0);
            System.out.printf("QUORUM: node-2 and node-3 woke up, found themselves segmented and rejoined; all 30"
                    + " agents answer through node-1 again %d ms after the wake-up; longest inc %d ms%n",
                    (answered - wake) / 1_000_000, load.takeMaxLatencyMs());
            cluster.awaitFormed(3);
            awaitLoad(load, load.acked() + 300);
        } finally {
            load.close();
        }
        assertNothingLostAndListedOnce(load, ids);
    }

    /** Whether {@code node} is a member of the 3-node cluster again. */
    private static boolean rejoined(PhoenixNodeProcess node) {
        try {
            Map<String, String> status = properties(node.exec("phoenix:cluster-status --no-format"));
            return "JOINED".equals(status.get("State")) && "3".equals(status.get("Servers"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** How long until node-1 saw the topology shrink, and until every agent answered a call made after the event. */
    private record Failover(long detectedMs, long recoveredMs) {
    }

    private static Failover measureFailover(CounterLoad load, long event, int servers) throws Exception {
        PhoenixNodeProcess observer = cluster.node(1);
        await("node-1 sees " + servers + " servers").atMost(WAIT).pollInterval(Duration.ofMillis(10))
                .until(() -> cluster.servers(observer).orElse(-1) == servers);
        long detected = System.nanoTime();
        long answered = await("every agent answers again").atMost(RECOVERY_LIMIT).pollInterval(Duration.ofMillis(20))
                .until(load::allAnsweredNanos, at -> at > 0);
        return new Failover((detected - event) / 1_000_000, (answered - event) / 1_000_000);
    }

    /** Waits until every agent is held by the node placement puts it on. */
    private static void awaitPlacementHonoured(List<String> ids) {
        await("every agent held where it is placed").atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (String id : ids) {
                Map<String, String> where = where(cluster.node(1), id);
                if (!where.get("Placed on").equals(where.get("Held by"))) {
                    return false;
                }
            }
            return true;
        });
    }
}
