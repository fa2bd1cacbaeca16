package io.phoenix.itests.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Three real nodes (a fourth joins in the last test): the cluster forms, every node computes the same placement,
 * calls and casts reach agents on other nodes, agents migrate under load and a joining node takes its share under
 * load — with no increment lost or applied twice. The tests share the cluster and run in name order.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class MembershipClusterIT extends ClusterTestSupport {

    private static final List<String> NODES = List.of("node-1", "node-2", "node-3");

    @BeforeClass
    public static void startCluster() throws Exception {
        cluster = PhoenixCluster.start(3);
    }

    @Test
    public void t1_clusterForms() throws Exception {
        for (PhoenixNodeProcess node : cluster.running()) {
            NodeShell.Result nodes = sh(node, "phoenix:cluster-nodes --no-format");
            List<String> ids = new ArrayList<>();
            for (String line : nodes.out().split("\n")) {
                String[] cells = line.split("\t");
                if (cells.length >= 7 && cells[0].trim().startsWith("node-")) {
                    ids.add(cells[0].trim());
                    assertEquals(line, "up", cells[6].trim());
                    assertEquals(line, cells[0].trim().equals(node.id), cells[2].trim().equals("*"));
                }
            }
            assertEquals(nodes.toString(), NODES, ids);
            Map<String, String> status = properties(sh(node, "phoenix:cluster-status --no-format"));
            assertEquals(status.toString(), "3", status.get("Servers"));
            assertEquals(status.toString(), "JOINED", status.get("State"));
            assertEquals(status.toString(), "none", status.get("Problems"));
            assertEquals(status.toString(), node.id, status.get("Node"));
        }
    }

    @Test
    public void t2_placementAgreesOnAllNodes() throws Exception {
        List<String> ids = ids("place", 100);
        spawnCounters(ids);
        Map<String, Integer> placed = new TreeMap<>();
        long start = System.nanoTime();
        for (String id : ids) {
            Set<String> answers = new HashSet<>();
            for (PhoenixNodeProcess node : cluster.running()) {
                Map<String, String> where = where(node, id);
                answers.add(where.get("Placed on") + " / held by " + where.get("Held by"));
                assertEquals(id + " on " + node.id + ": " + where, where.get("Placed on"), where.get("Held by"));
            }
            assertEquals(id + ": every node must give the same answer", 1, answers.size());
            placed.merge(where(cluster.node(1), id).get("Placed on"), 1, Integer::sum);
        }
        long micros = (System.nanoTime() - start) / 1_000 / (ids.size() * 4L);
        System.out.printf("PLACEMENT: 100 agents placed %s, the same on all 3 nodes (agent-where %d us per command)%n",
                placed, micros);
        assertEquals(placed.toString(), new HashSet<>(NODES), placed.keySet());
        assertEquals(placed, hostsOf(cluster.node(2), ids));
    }

    @Test
    public void t3_crossNodeCallAndCast() throws Exception {
        List<String> ids = ids("cross", 6);
        spawnCounters(ids);
        for (String id : ids) {
            String holder = where(cluster.node(1), id).get("Held by");
            long expected = 0;
            for (PhoenixNodeProcess node : cluster.running()) {
                NodeShell.Result r = sh(node, "phoenix:agent-call " + id + " " + CounterLoad.INC);
                assertEquals(r.toString() + " (held by " + holder + ")", "{\"value\":" + ++expected + "}", r.out().trim());
            }
            PhoenixNodeProcess other = cluster.running().stream().filter(n -> !n.id.equals(holder)).findFirst().orElseThrow();
            NodeShell.Result cast = sh(other, "phoenix:agent-cast " + id + " '{\"op\":\"inc\",\"by\":10}'");
            assertEquals(cast.toString(), "Sent", cast.out().trim());
            long afterCast = expected + 10;
            PhoenixNodeProcess reader = cluster.running().stream().filter(n -> n != other).findFirst().orElseThrow();
            await(id + " has the cast's +10").atMost(WAIT).until(() -> value(reader, id) == afterCast);
        }
        // Latency of one call through the console: the agent's own node versus another node.
        String id = ids.get(0);
        String holder = where(cluster.node(1), id).get("Held by");
        for (PhoenixNodeProcess node : cluster.running()) {
            long start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                node.exec("phoenix:agent-call " + id + " '{\"op\":\"get\"}'");
            }
            System.out.printf("CROSS-NODE: get of an agent on %s through %s (%s): %d us per shell command%n", holder,
                    node.id, node.id.equals(holder) ? "local" : "remote", (System.nanoTime() - start) / 100_000);
        }
    }

    @Test
    public void t4_migrationUnderLoad() throws Exception {
        List<String> ids = ids("migrate", 30);
        spawnCounters(ids);
        CounterLoad load = new CounterLoad(cluster.running(), ids, 6).start();
        try {
            awaitLoad(load, 300);
            load.takeMaxLatencyMs();
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String id = ids.get(i);
                PhoenixNodeProcess via = cluster.node(1 + i % 3);
                String from = where(via, id).get("Held by");
                String to = NODES.get((NODES.indexOf(from) + 1) % NODES.size());
                long start = System.nanoTime();
                NodeShell.Result r = sh(via, "phoenix:agent-migrate " + id + " " + to);
                millis.add((System.nanoTime() - start) / 1_000_000);
                assertEquals(r.toString(), "Migrated " + id + " to " + to, r.out().trim());
                for (PhoenixNodeProcess node : cluster.running()) {
                    Map<String, String> where = where(node, id);
                    assertEquals(where.toString(), to, where.get("Held by"));
                    assertEquals(where.toString(), "yes", where.get("Pinned"));
                }
            }
            long maxLatency = load.takeMaxLatencyMs();
            long ackedAfter = load.acked();
            awaitLoad(load, ackedAfter + 300);
            System.out.printf("MIGRATION: 10 agents moved under load: agent-migrate took %s ms; longest inc during"
                    + " the migrations %d ms%n", millis, maxLatency);
        } finally {
            load.close();
        }
        assertNothingLostAndListedOnce(load, ids);
    }

    @Test
    public void t5_joiningNodeTakesItsShareUnderLoad() throws Exception {
        List<String> ids = ids("join", 60);
        spawnCounters(ids);
        List<PhoenixNodeProcess> entries = cluster.running();
        Map<String, Integer> before = hostsOf(cluster.node(1), ids);
        CounterLoad load = new CounterLoad(entries, ids, 6).start();
        try {
            awaitLoad(load, 300);
            load.takeMaxLatencyMs();
            PhoenixNodeProcess joining = cluster.add();
            long start = System.nanoTime();
            joining.start();
            cluster.awaitFormed(4);
            long joined = System.nanoTime();
            List<String> toMove = new ArrayList<>();
            for (String id : ids) {
                if (where(cluster.node(1), id).get("Placed on").equals(joining.id)) {
                    toMove.add(id);
                }
            }
            assertNotEquals("some of 60 agents must be placed on the new node", 0, toMove.size());
            await("agents placed on " + joining.id + " held there").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        for (String id : toMove) {
                            if (!joining.id.equals(where(cluster.node(1), id).get("Held by"))) {
                                return false;
                            }
                        }
                        return true;
                    });
            long moved = System.nanoTime();
            awaitLoad(load, load.acked() + 300);
            Map<String, Integer> after = hostsOf(cluster.node(1), ids);
            System.out.printf("JOIN: %s started and joined in %d ms; %d of 60 agents moved to it %d ms after it"
                            + " joined; agents per node before %s, after %s; longest inc during the join %d ms%n",
                    joining.id, (joined - start) / 1_000_000, toMove.size(), (moved - joined) / 1_000_000, before, after,
                    load.takeMaxLatencyMs());
            assertEquals(after.toString(), toMove.size(), (int) after.getOrDefault(joining.id, 0));
        } finally {
            load.close();
        }
        assertNothingLostAndListedOnce(load, ids);
    }
}
