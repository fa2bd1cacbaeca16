package io.phoenix.itests.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Placement policies on three real nodes: node-1 and node-3 are started with {@code zone=a}, node-2 with
 * {@code zone=b}, and {@code etc/io.phoenix.placement.cfg} says {@code type.counter = least-loaded where zone=a}. The
 * counters live only in zone a, spread by load; when a zone-a node is killed under load they fail over to the other
 * zone-a node (never to node-2) with no increment lost; when it comes back, rebalancing gives it its share again.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PlacementClusterIT extends ClusterTestSupport {

    private static final String POLICY = "least-loaded where zone=a";
    private static List<String> ids;

    @BeforeClass
    public static void startCluster() throws Exception {
        cluster = PhoenixCluster.start(3, node -> {
            node.environment.put("PHOENIX_NODE_ATTRIBUTES", "zone=" + (node.index == 2 ? "b" : "a"));
            Files.writeString(node.home.resolve("etc/io.phoenix.placement.cfg"), "type.counter = " + POLICY + "\n"
                    + "rebalance.interval.seconds = 2\n" + "load.publish.interval.ms = 250\n");
        });
        ids = ids("zoned", 60);
    }

    @Test
    public void t1_newAgentsGoToMatchingNodesOnlyByLoad() throws Exception {
        NodeShell.Result nodes = sh(cluster.node(1), "phoenix:cluster-nodes --no-format");
        for (String line : nodes.out().split("\n")) {
            String[] cells = line.split("\t");
            if (cells.length >= 8 && cells[0].trim().startsWith("node-")) {
                assertEquals(line, cells[0].trim().equals("node-2") ? "zone=b" : "zone=a", cells[7].trim());
            }
        }
        spawnCounters(ids); // through every node, node-2 included
        Map<String, Integer> hosts = hostsOf(cluster.node(2), ids);
        System.out.printf("PLACEMENT-POLICY: 60 counters placed '%s': %s%n", POLICY, hosts);
        assertEquals(hosts.toString(), Set.of("node-1", "node-3"), hosts.keySet());
        for (int count : hosts.values()) {
            assertTrue("spread by load: " + hosts, count >= 20 && count <= 40);
        }
        for (PhoenixNodeProcess node : cluster.running()) {
            Map<String, String> where = where(node, ids.get(0));
            assertEquals(where.toString(), where.get("Placed on"), where.get("Held by"));
            assertEquals(where.toString(), "yes", where.get("Pinned"));
        }
    }

    @Test
    public void t2_failoverStaysInTheZoneAndRebalancingRefillsTheRestartedNode() throws Exception {
        PhoenixNodeProcess victim = cluster.node(1);
        CounterLoad load = new CounterLoad(List.of(cluster.node(2), cluster.node(3)), ids, 6).start();
        try {
            awaitLoad(load, 300);
            long kill = System.nanoTime();
            load.mark(kill);
            victim.kill();
            await("every counter held by node-3, the other zone-a node").atMost(WAIT)
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> hostsOf(cluster.node(2), ids).equals(Map.of("node-3", ids.size())));
            long failedOver = System.nanoTime();
            awaitLoad(load, load.acked() + 300);
            System.out.printf("PLACEMENT-POLICY: node-1 killed; all 60 counters on node-3 after %d ms (none on"
                    + " node-2, zone b); longest inc %d ms%n", (failedOver - kill) / 1_000_000, load.takeMaxLatencyMs());

            long restart = System.nanoTime();
            victim.start();
            cluster.awaitFormed(3);
            long rejoined = System.nanoTime();
            await("rebalancing gives the restarted node its share").atMost(WAIT).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions().until(() -> {
                        Map<String, Integer> hosts = hostsOf(cluster.node(2), ids);
                        return hosts.getOrDefault("node-1", 0) >= 20 && !hosts.containsKey("node-2");
                    });
            System.out.printf("PLACEMENT-POLICY: node-1 rejoined %d ms after its restart; rebalanced %d ms later: %s;"
                    + " longest inc %d ms%n", (rejoined - restart) / 1_000_000, (System.nanoTime() - rejoined)
                    / 1_000_000, hostsOf(cluster.node(2), ids), load.takeMaxLatencyMs());
            awaitLoad(load, load.acked() + 300);
        } finally {
            load.close();
        }
        assertNothingLostAndListedOnce(load, ids);
    }
}
