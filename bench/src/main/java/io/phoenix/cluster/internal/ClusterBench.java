package io.phoenix.cluster.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cluster load driver: three Phoenix nodes on real Ignite in this JVM (loopback TCP between them,
 * all sharing this machine's cores), driven through the runtime API of the first node. Reports
 * cross-node call latency (read-only and with a replicated state update), throughput with calls in
 * flight, registry lookup latency, and failover time after a node is killed. Run once with
 * synchronous replication and once with asynchronous.
 *
 * <p>Lives in the cluster bundle's package to reuse its test wiring ({@code GridTestNode}).
 * Run: {@code java -cp bench/target/benchmarks.jar io.phoenix.cluster.internal.ClusterBench [sync|async]}
 */
public final class ClusterBench {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int AGENTS = 3_000;

    private ClusterBench() {
    }

    /**
     * @param args {@code sync} (default) or {@code async}
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        boolean synchronous = args.length == 0 || !"async".equals(args[0]);
        List<GridTestNode> nodes = new ArrayList<>();
        try {
            for (String id : List.of("bench-a", "bench-b", "bench-c")) {
                nodes.add(new GridTestNode(id, 47900, synchronous));
            }
            GridTestNode a = nodes.get(0);
            while (a.ignite.cluster().forServers().nodes().size() < 3) {
                Thread.sleep(100);
            }
            List<String> remote = new ArrayList<>();
            List<String> local = new ArrayList<>();
            for (int i = 0; i < AGENTS; i++) {
                String id = "agent-" + i;
                a.runtime.spawn("counter", id, null).toCompletableFuture().get(10, TimeUnit.SECONDS);
                (a.placement.nodeFor(id, null).equals("bench-a") ? local : remote).add(id);
            }
            System.out.printf("replication: %s, 3 nodes in one JVM, %d agents (%d on the calling node)%n",
                    synchronous ? "synchronous (FULL_SYNC)" : "asynchronous (PRIMARY_SYNC)", AGENTS, local.size());
            latency("cross-node call, read only      ", a, remote, "{\"op\":\"get\",\"by\":0}", 20_000);
            latency("cross-node call, state update   ", a, remote, "{\"op\":\"inc\",\"by\":1}", 20_000);
            latency("local call, replicated update   ", a, local, "{\"op\":\"inc\",\"by\":1}", 20_000);
            lookups(a, remote);
            throughput(a, remote, 32, Duration.ofSeconds(10));
            nodes.add(rebalance(a, remote, local, synchronous));
            failover(a, nodes.get(2), remote);
        } finally {
            for (GridTestNode node : nodes) {
                try {
                    node.close();
                } catch (RuntimeException ignored) {
                    // killed already
                }
            }
        }
    }

    private static void latency(String label, GridTestNode via, List<String> ids, String json, int calls)
            throws Exception {
        for (int i = 0; i < 2_000; i++) { // warm-up
            via.runtime.callJson(ids.get(i % ids.size()), json, TIMEOUT).toCompletableFuture().get();
        }
        long[] samples = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            via.runtime.callJson(ids.get(i % ids.size()), json, TIMEOUT).toCompletableFuture().get();
            samples[i] = System.nanoTime() - start;
        }
        print(label, samples);
    }

    private static void lookups(GridTestNode via, List<String> ids) {
        long[] samples = new long[50_000];
        for (int i = 0; i < samples.length; i++) {
            String id = ids.get(i % ids.size());
            long start = System.nanoTime();
            via.placement.nodeFor(id, null);
            samples[i] = System.nanoTime() - start;
        }
        print("registry lookup (placement)     ", samples);
        long[] where = new long[10_000];
        for (int i = 0; i < where.length; i++) {
            String id = ids.get(i % ids.size());
            long start = System.nanoTime();
            via.management.where(id);
            where[i] = System.nanoTime() - start;
        }
        print("registry lookup (directory get) ", where);
    }

    private static void throughput(GridTestNode via, List<String> ids, int inFlight, Duration duration)
            throws Exception {
        Semaphore permits = new Semaphore(inFlight);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        int i = 0;
        while (System.nanoTime() < end) {
            permits.acquire();
            via.runtime.callJson(ids.get(i++ % ids.size()), "{\"op\":\"inc\",\"by\":1}", TIMEOUT)
                    .whenComplete((reply, error) -> {
                        (error == null ? done : failed).incrementAndGet();
                        permits.release();
                    });
        }
        permits.acquire(inFlight);
        System.out.printf("throughput, %d calls in flight    %,.0f cross-node state updates/s (%d failed)%n", inFlight,
                done.get() / (double) duration.toSeconds(), failed.get());
    }

    /**
     * A fourth node joins while two client threads keep calling every agent: reports how many agents
     * moved and the call latencies the clients saw while they moved (the pause per moved agent).
     */
    private static GridTestNode rebalance(GridTestNode via, List<String> remote, List<String> local,
                                          boolean synchronous) throws Exception {
        List<String> all = new ArrayList<>(remote);
        all.addAll(local);
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<long[]> latencies = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int offset = t;
            long[] samples = new long[2_000_000];
            latencies.add(samples);
            Thread client = new Thread(() -> {
                int n = 0;
                while (running.get() && n < samples.length) {
                    String id = all.get((n * 2 + offset) % all.size());
                    long start = System.nanoTime();
                    try {
                        via.runtime.callJson(id, "{\"op\":\"inc\",\"by\":1}", TIMEOUT).toCompletableFuture().get();
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    samples[n++] = System.nanoTime() - start;
                }
            });
            clients.add(client);
            client.start();
        }
        Thread.sleep(1_000);
        long joinStarted = System.nanoTime();
        GridTestNode joiner = new GridTestNode("bench-d", 47900, synchronous);
        long joined = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (joiner.runtime.localAgents() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(12_000); // the periodic hand-off passes after the join, and the agents' first calls there
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }
        long moved = joiner.runtime.localAgents();
        long[] merged = latencies.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).toArray();
        System.out.printf("node join under load             joined in %.0f ms; %d agents moved to it, %d calls failed"
                + " (retryable)%n", (joined - joinStarted) / 1e6, moved, failures.get());
        print("calls during the rebalance       ", merged);
        long[] sorted = merged.clone();
        Arrays.sort(sorted);
        System.out.printf("                                 max %.1f ms (the longest pause a moving agent caused)%n",
                sorted[sorted.length - 1] / 1e6);
        return joiner;
    }

    private static void failover(GridTestNode via, GridTestNode victim, List<String> ids) throws Exception {
        List<String> victims = ids.stream().filter(id -> via.placement.nodeFor(id, null).equals(victim.id)).toList();
        int before = via.ignite.cluster().forServers().nodes().size();
        long killed = System.nanoTime();
        victim.kill();
        long detected = 0;
        while (via.ignite.cluster().forServers().nodes().size() >= before) {
            Thread.sleep(1);
        }
        detected = System.nanoTime();
        // Eight client threads walk the victims' agents, each retrying until its agent answers.
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.Map<String, String> lastError = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean giveUp = new java.util.concurrent.atomic.AtomicBoolean();
        List<CompletableFuture<Void>> answered = new ArrayList<>();
        for (String id : victims) {
            answered.add(CompletableFuture.runAsync(() -> {
                while (!giveUp.get()) {
                    try {
                        via.runtime.callJson(id, "{\"op\":\"get\",\"by\":0}", TIMEOUT).toCompletableFuture().get();
                        lastError.remove(id);
                        return;
                    } catch (Exception retry) {
                        lastError.put(id, String.valueOf(retry.getCause() != null ? retry.getCause() : retry));
                        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                    }
                }
            }, clients));
        }
        try {
            CompletableFuture.allOf(answered.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException stuck) {
            giveUp.set(true);
            System.out.printf("failover: %d agents still not answering after 60 s, e.g. %s%n", lastError.size(),
                    lastError.entrySet().stream().limit(3).toList());
        }
        clients.shutdown();
        long recovered = System.nanoTime();
        System.out.printf("failover (node stopped abruptly)  detected in %.0f ms, all %d of its agents answering again"
                + " %.0f ms after the kill%n", (detected - killed) / 1e6, victims.size(), (recovered - killed) / 1e6);
    }

    private static void print(String label, long[] samples) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        System.out.printf("%s p50 %7.1f µs   p95 %7.1f µs   p99 %7.1f µs   p99.9 %7.1f µs%n", label,
                sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.95)] / 1e3,
                sorted[(int) (sorted.length * 0.99)] / 1e3, sorted[(int) (sorted.length * 0.999)] / 1e3);
    }
}
