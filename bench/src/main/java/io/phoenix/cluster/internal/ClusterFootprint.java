package io.phoenix.cluster.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ignite.DataRegionMetrics;

/**
 * Memory per agent in a cluster: N Phoenix nodes on real Ignite in one JVM (synchronous replication, one backup)
 * get {@code agents} counter agents, each with a committed state; prints the grid's off-heap use (directory entry
 * and state, each with its backup copy) and the heap the runtimes and Ignite's on-heap structures add, per agent.
 *
 * <pre>java $(cat bench/jvm-options) -Xmx4g -cp bench/target/benchmarks.jar \
 *     io.phoenix.cluster.internal.ClusterFootprint 100000 3</pre>
 *
 * <p>Lives in the cluster bundle's package to reuse its test wiring ({@code GridTestNode}).
 */
public final class ClusterFootprint {

    private static final int IN_FLIGHT = 512;
    private static final int CLIENTS = 16;

    private ClusterFootprint() {
    }

    /**
     * @param args agents (default 100,000) and nodes (default 3)
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int nodeCount = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<GridTestNode> nodes = new ArrayList<>();
        try {
            for (int i = 1; i <= nodeCount; i++) {
                nodes.add(new GridTestNode("fp-" + i, 47950, true));
            }
            while (nodes.get(0).ignite.cluster().forServers().nodes().size() < nodeCount) {
                Thread.sleep(100);
            }
            long heapBefore = usedHeapAfterGc();
            long offHeapBefore = offHeapUsed(nodes);
            long started = System.nanoTime();
            spawn(nodes, agents);
            double seconds = (System.nanoTime() - started) / 1e9;
            long heap = usedHeapAfterGc() - heapBefore;
            long offHeap = offHeapUsed(nodes) - offHeapBefore;
            long active = nodes.stream().mapToLong(node -> node.runtime.localAgents()).sum();
            System.out.printf("%d agents on %d nodes (synchronous replication, 1 backup), spawned in %.1f s"
                    + " (%.0f spawns/s through all nodes); %d activations%n", agents, nodeCount, seconds,
                    agents / seconds, active);
            System.out.printf("grid off-heap (directory + state, primary + backup copies): %,d bytes = %.0f B per"
                    + " agent in the cluster, %.0f B per agent per node%n", offHeap, (double) offHeap / agents,
                    (double) offHeap / agents / nodeCount);
            System.out.printf("heap (runtimes + Ignite on-heap structures): %,d bytes = %.0f B per agent%n", heap,
                    (double) heap / agents);
            System.out.printf("total: %.0f B per agent in the cluster (%.1f MB per 100,000 agents)%n",
                    (double) (heap + offHeap) / agents, (heap + offHeap) / (double) agents * 100_000 / 1e6);
        } finally {
            for (GridTestNode node : nodes) {
                node.close();
            }
        }
    }

    /**
     * Spawns through every node in turn from {@value #CLIENTS} client threads, at most {@value #IN_FLIGHT} at a
     * time. A spawn of an agent placed on the calling node registers it in the directory on the caller's thread
     * (a synchronous grid write), so one client thread alone manages a few thousand spawns a second.
     */
    private static void spawn(List<GridTestNode> nodes, int agents) throws InterruptedException {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.execute(() -> {
                for (int i = next.getAndIncrement(); i < agents; i = next.getAndIncrement()) {
                    inFlight.acquireUninterruptibly();
                    GridTestNode via = nodes.get(i % nodes.size());
                    CompletableFuture<?> spawned = via.runtime.spawnJson("counter", "fp-agent-" + i,
                            "{\"value\":" + i + "}").toCompletableFuture();
                    spawned.whenComplete((ignored, error) -> {
                        if (error != null) {
                            failed.incrementAndGet();
                        }
                        inFlight.release();
                    });
                }
            });
        }
        clients.shutdown();
        if (!clients.awaitTermination(10, TimeUnit.MINUTES) || !inFlight.tryAcquire(IN_FLIGHT, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("spawns did not finish");
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " spawns failed");
        }
    }

    private static long offHeapUsed(List<GridTestNode> nodes) {
        long used = 0;
        for (GridTestNode node : nodes) {
            DataRegionMetrics metrics = node.ignite.dataRegionMetrics("default");
            used += metrics.getTotalUsedSize();
        }
        return used;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
