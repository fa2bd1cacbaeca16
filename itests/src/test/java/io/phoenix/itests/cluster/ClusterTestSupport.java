package io.phoenix.itests.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.Rule;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;

/**
 * The base of the multi-node tests: one {@link PhoenixCluster} per test class (started by the subclass in
 * {@code @BeforeClass}, always stopped here), the nodes' logs copied to target/cluster-logs when a test fails,
 * and the shell commands the tests use, parsed. Commands print their transcript into the build log.
 */
public abstract class ClusterTestSupport {

    static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern VALUE = Pattern.compile("\\{\"value\":(-?\\d+)}");

    static PhoenixCluster cluster;

    @Rule
    public final TestWatcher logsOnFailure = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description d) {
            if (cluster != null) {
                cluster.collectLogs(d.getTestClass().getSimpleName() + "." + d.getMethodName());
            }
        }
    };

    @AfterClass
    public static void stopCluster() {
        if (cluster != null) {
            try {
                cluster.close();
            } finally {
                cluster = null;
            }
        }
    }

    /** Agent ids no other test uses. */
    static List<String> ids(String prefix, int count) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(prefix + "-" + run + "-" + i);
        }
        return ids;
    }

    /** Runs a command, prints its transcript, and returns it. */
    static NodeShell.Result sh(PhoenixNodeProcess node, String command) throws IOException {
        NodeShell.Result result = node.exec(command);
        System.out.print("[" + node.id + "] " + result + (result.text().endsWith("\n") ? "" : "\n"));
        return result;
    }

    /** Spawns counters, spreading the spawn commands over the running nodes. */
    static void spawnCounters(List<String> ids) throws IOException {
        List<PhoenixNodeProcess> nodes = cluster.running();
        for (int i = 0; i < ids.size(); i++) {
            NodeShell.Result r = nodes.get(i % nodes.size()).exec("phoenix:agent-spawn counter " + ids.get(i));
            assertTrue(r.toString(), r.out().contains("Spawned counter " + ids.get(i)));
        }
    }

    /** A counter's value, read through {@code node}; waits while the agent is briefly unavailable. */
    static long value(PhoenixNodeProcess node, String id) {
        return await(id + " answers on " + node.id).atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            NodeShell.Result r = node.exec("phoenix:agent-call " + id + " '{\"op\":\"get\"}'");
            Matcher m = VALUE.matcher(r.out());
            return m.find() ? Long.valueOf(m.group(1)) : null;
        }, v -> v != null);
    }

    /** The rows of a property table printed with --no-format ("Key<spaces><tab>Value"). */
    static Map<String, String> properties(NodeShell.Result result) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : result.out().split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                map.putIfAbsent(line.substring(0, tab).trim(), line.substring(tab + 1).trim());
            }
        }
        return map;
    }

    /** {@code phoenix:agent-where} through {@code node}: "Placed on", "Held by", "Pinned", ... */
    static Map<String, String> where(PhoenixNodeProcess node, String id) throws IOException {
        NodeShell.Result r = node.exec("phoenix:agent-where --no-format " + id);
        Map<String, String> where = properties(r);
        assertTrue(r.toString(), where.containsKey("Placed on"));
        return where;
    }

    /**
     * Every activation in the cluster as {@code phoenix:agent-list} through {@code node} shows it (each node lists
     * its own): agent id to the nodes listing it. A healthy cluster lists each agent on exactly one node.
     */
    static Map<String, List<String>> listedOn(PhoenixNodeProcess node) throws IOException {
        NodeShell.Result r = node.exec("phoenix:agent-list --no-format --limit 10000");
        assertTrue(r.toString(), r.err().isEmpty());
        Map<String, List<String>> listed = new TreeMap<>();
        for (String line : r.out().split("\n")) {
            String[] cells = line.split("\t");
            if (cells.length >= 5 && !cells[0].trim().equals("ID")) {
                listed.computeIfAbsent(cells[0].trim(), k -> new ArrayList<>()).add(cells[3].trim());
            }
        }
        return listed;
    }

    /** Agents per node among {@code ids}, from the listing through {@code node}; fails on an agent listed twice. */
    static Map<String, Integer> hostsOf(PhoenixNodeProcess node, List<String> ids) throws IOException {
        Map<String, List<String>> listed = listedOn(node);
        Map<String, Integer> perNode = new TreeMap<>();
        for (String id : ids) {
            List<String> on = listed.getOrDefault(id, List.of());
            assertTrue(id + " must be listed on at most one node, is on " + on, on.size() <= 1);
            on.forEach(n -> perNode.merge(n, 1, Integer::sum));
        }
        return perNode;
    }

    /**
     * After the load stopped: for every counter, acknowledged &lt;= final value &lt;= acknowledged + in doubt, and
     * no reply during the run broke that order.
     */
    static void assertNothingLost(CounterLoad load, PhoenixNodeProcess via) {
        System.out.println("LOAD: " + load.summary());
        AckLedger ledger = load.ledger();
        assertEquals("replies out of order (lost update or second activation)", List.of(), ledger.violations());
        List<AckLedger.Check> checks = ledger.check(id -> value(via, id));
        Map<String, String> wrong = new HashMap<>();
        checks.stream().filter(c -> c.lost() > 0 || c.overApplied() > 0).forEach(c -> wrong.put(c.id(), c.toString()));
        System.out.printf("LOAD: %d counters checked through %s: %d acked, %d in doubt, %d wrong%n", checks.size(),
                via.id, ledger.acked(), checks.stream().mapToLong(AckLedger.Check::inDoubt).sum(), wrong.size());
        assertEquals("counters outside [acked, acked + in doubt]", Map.of(), wrong);
    }

    /** Waits until the load has {@code acked} acknowledged calls, and at least a second. */
    static void awaitLoad(CounterLoad load, long acked) {
        long start = System.nanoTime();
        await("load: " + acked + " acknowledged calls").atMost(WAIT)
                .until(() -> load.acked() >= acked && System.nanoTime() - start > 1_000_000_000L);
    }

    /** No increment lost or doubled, and every agent listed by exactly one node (asked through each node). */
    static void assertNothingLostAndListedOnce(CounterLoad load, List<String> ids) throws IOException {
        assertNothingLost(load, cluster.node(1));
        for (PhoenixNodeProcess node : cluster.running()) {
            Map<String, Integer> hosts = hostsOf(node, ids);
            assertEquals("agents listed through " + node.id + ": " + hosts, ids.size(),
                    hosts.values().stream().mapToInt(Integer::intValue).sum());
        }
    }
}
