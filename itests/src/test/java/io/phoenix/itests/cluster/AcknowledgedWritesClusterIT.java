package io.phoenix.itests.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The acknowledged-write checker (issue 7): three real nodes (quorum.size 2, one backup), 30 counters, 8 client
 * threads sending {@code inc} over REST through <em>every</em> node — the faulty one included, as clients of a real
 * deployment do — while a fault hits the cluster: a node paused with SIGSTOP for 12 s and woken, a node cut off
 * from the others' grid ports for 20 s by packet filters (its REST port still reached) and healed, a node killed
 * with kill -9 and restarted, a fourth node joining and then leaving, live migrations. After each fault every
 * counter's final value is compared with what the clients were told ({@link RestCounterLoad}): nothing
 * acknowledged may be lost, nothing applied twice.
 *
 * <p>{@code -Dphoenix.it.rounds=N} repeats the whole sequence N times on the same cluster (default 1, as in CI);
 * {@code -Dphoenix.it.faults=pause,partition} runs only those faults. Each fault's figures go to the build log
 * ({@code CHECKER:} lines) and to {@code target/fault-checker.tsv}. See docs/cluster.md, "What an acknowledgement
 * means".
 */
public class AcknowledgedWritesClusterIT extends ClusterTestSupport {

    private static final int COUNTERS = 30;
    private static final int THREADS = 8;
    private static final Duration PAUSE = Duration.ofSeconds(12);
    private static final Duration CUT = Duration.ofSeconds(20);
    private static final Path RESULTS = Paths.get(System.getProperty("phoenix.it.clusterDirectory", "target/cluster"))
            .resolveSibling("fault-checker.tsv");

    @BeforeClass
    public static void startCluster() throws Exception {
        PathCutter.heal();
        cluster = PhoenixCluster.start(3, node -> {
            PathCutter.runAsOwnUser(node);
            node.environment.put("PHOENIX_QUORUM_SIZE", "2");
        });
    }

    @AfterClass
    public static void healPaths() throws Exception {
        PathCutter.heal();
    }

    @Test
    public void noAcknowledgedIncrementIsLostOrAppliedTwiceUnderAnyFault() throws Exception {
        int rounds = Integer.getInteger("phoenix.it.rounds", 1);
        List<String> faults = Arrays.asList(System.getProperty("phoenix.it.faults",
                "pause,partition,kill,join,migration").split(","));
        List<String> failures = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (String fault : faults) {
                String outcome = run(round, fault.trim());
                if (outcome != null) {
                    failures.add(outcome);
                }
            }
        }
        assertTrue("acknowledged updates lost or applied twice:\n" + String.join("\n", failures), failures.isEmpty());
    }

    /** @return a description of what the checker found wrong, or {@code null} */
    private String run(int round, String fault) throws Exception {
        List<String> ids = ids(fault, COUNTERS);
        spawnCounters(ids);
        RestCounterLoad load = new RestCounterLoad(cluster::running, ids, THREADS).start();
        long recoveredMs = -1;
        try {
            awaitAcked(load, 300);
            recoveredMs = switch (fault) {
                case "pause" -> pause(load, cluster.node(3));
                case "partition" -> partition(load, cluster.node(3));
                case "kill" -> kill(load, cluster.node(2));
                case "join" -> joinAndLeave(load);
                case "migration" -> migrate(load, ids);
                default -> throw new IllegalArgumentException("unknown fault " + fault);
            };
            awaitAcked(load, load.ledger().acked() + 300); // the cluster serves on after the fault
        } finally {
            load.close();
        }
        cluster.awaitFormed(3);
        List<AckLedger.Check> checks = load.ledger().check(id -> value(cluster.node(1), id));
        long acked = checks.stream().mapToLong(AckLedger.Check::acked).sum();
        long inDoubt = checks.stream().mapToLong(AckLedger.Check::inDoubt).sum();
        long notApplied = checks.stream().mapToLong(AckLedger.Check::notApplied).sum();
        long lost = checks.stream().mapToLong(AckLedger.Check::lost).sum();
        long over = checks.stream().mapToLong(AckLedger.Check::overApplied).sum();
        String line = String.format("%s\t%d\t%s\t%d\t%d\t%d\t%d\t%d\t%d", Instant.now(), round, fault, acked, inDoubt,
                notApplied, lost, over, recoveredMs);
        Files.writeString(RESULTS, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        System.out.printf("CHECKER: round %d, %s: %d acknowledged, %d in doubt, %d not applied; lost %d, applied"
                        + " twice %d; every counter answering %d ms after the fault ended; %s%n", round, fault, acked,
                inDoubt, notApplied, lost, over, recoveredMs, load.summary());
        List<String> wrong = new ArrayList<>(load.ledger().violations());
        checks.stream().filter(c -> c.lost() > 0 || c.overApplied() > 0).forEach(c -> wrong.add(c.toString()));
        if (wrong.isEmpty()) {
            return null;
        }
        cluster.collectLogs(getClass().getSimpleName() + "-" + fault + "-" + round);
        return "round " + round + ", " + fault + ": " + wrong;
    }

    /** SIGSTOP long enough for the others to take the node's agents over, then SIGCONT. */
    private long pause(RestCounterLoad load, PhoenixNodeProcess node) throws Exception {
        node.pause();
        awaitFor(PAUSE);
        node.resume();
        long woke = System.nanoTime();
        load.ledger().mark(woke);
        long recovered = awaitAllAnswered(load, woke);
        cluster.awaitFormed(3); // the woken node finds itself segmented and rejoins by itself
        return recovered;
    }

    /** Cuts the node's grid paths to and from the others while clients still reach it; then heals. */
    private long partition(RestCounterLoad load, PhoenixNodeProcess node) throws Exception {
        List<PhoenixNodeProcess> others = cluster.running().stream().filter(n -> n != node).toList();
        PathCutter.isolate(node, others);
        try {
            awaitFor(CUT);
        } finally {
            PathCutter.heal();
        }
        long healed = System.nanoTime();
        load.ledger().mark(healed);
        long recovered = awaitAllAnswered(load, healed);
        cluster.awaitFormed(3); // the minority node sees the others again and restarts to join them
        return recovered;
    }

    /** kill -9, every counter answering again, then the node restarts and rejoins under load. */
    private long kill(RestCounterLoad load, PhoenixNodeProcess node) throws Exception {
        node.kill();
        long killed = System.nanoTime();
        load.ledger().mark(killed);
        long recovered = awaitAllAnswered(load, killed);
        node.start();
        cluster.awaitFormed(3);
        return recovered;
    }

    /** A fourth node joins under load (agents move to it), serves, and leaves again (they move back). */
    private long joinAndLeave(RestCounterLoad load) throws Exception {
        PhoenixNodeProcess fourth = cluster.nodes().size() >= 4 ? cluster.node(4) : cluster.add();
        fourth.environment.put("PHOENIX_QUORUM_SIZE", "2");
        fourth.start();
        cluster.awaitFormed(4);
        awaitAcked(load, load.ledger().acked() + 300);
        fourth.stop(Duration.ofSeconds(30));
        long left = System.nanoTime();
        load.ledger().mark(left);
        long recovered = awaitAllAnswered(load, left);
        cluster.awaitFormed(3);
        return recovered;
    }

    /** Live migrations under load: a third of the counters, each to another node. */
    private long migrate(RestCounterLoad load, List<String> ids) throws Exception {
        List<PhoenixNodeProcess> nodes = cluster.running();
        long started = System.nanoTime();
        load.ledger().mark(started);
        for (int i = 0; i < ids.size(); i += 3) {
            String id = ids.get(i);
            String holder = where(nodes.get(0), id).get("Held by");
            PhoenixNodeProcess target = nodes.stream().filter(n -> !n.id.equals(holder)).findFirst().orElseThrow();
            NodeShell.Result r = sh(nodes.get(i % nodes.size()), "phoenix:agent-migrate " + id + " " + target.id);
            assertTrue(r.toString(), r.err().isEmpty());
        }
        return awaitAllAnswered(load, started);
    }

    private static long awaitAllAnswered(RestCounterLoad load, long sinceNanos) {
        await("every counter answers a call made after the fault").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100)).until(() -> load.ledger().allAnsweredNanos() >= 0);
        return TimeUnit.NANOSECONDS.toMillis(load.ledger().allAnsweredNanos() - sinceNanos);
    }

    private static void awaitAcked(RestCounterLoad load, long acked) {
        await("load acknowledged " + acked).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> load.ledger().acked() >= acked);
    }

    /** Lets a fault last: the time it lasts is the experiment, not a wait for a condition. */
    private static void awaitFor(Duration duration) {
        await().pollDelay(duration).atMost(duration.plusSeconds(5)).until(() -> true);
    }
}
