package io.phoenix.bench;

import io.phoenix.runtime.core.internal.LocalRuntime;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.CompletableFuture;

/**
 * Heap per idle agent: spawns N agents (default 1,000,000) of a type whose state is one long, lets
 * them settle, and divides the heap growth by N. Reports the total per agent and the runtime's own
 * share: the total minus the agent's id string and its state object, which any platform must hold.
 *
 * <p>Run: {@code java -Xmx4g -cp bench/target/benchmarks.jar io.phoenix.bench.IdleAgentFootprint [N]}
 */
public final class IdleAgentFootprint {

    /** Bytes of a {@code record Count(long value)}: 12-byte header + 8-byte long, aligned to 8. */
    private static final long STATE_BYTES = 24;

    private IdleAgentFootprint() {
    }

    /**
     * @param args optional agent count
     * @throws Exception if interrupted
     */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        LocalRuntime runtime = BenchRuntime.start(new BenchAgents.Counter());
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = "agent-" + i; // ids are created before the baseline: they are the caller's, not ours
        }
        long before = usedHeap();
        CompletableFuture<?> last = null;
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            last = runtime.spawn("bench-counter", ids[i], null).toCompletableFuture();
        }
        last.join();
        long spawnMillis = (System.nanoTime() - started) / 1_000_000;
        // Let every activation run its onActivate signal, so the measured agents are idle, not pending.
        while (runtime.status().mailboxDepth() > 0) {
            Thread.sleep(50);
        }
        long after = usedHeap();
        double perAgent = (after - before) / (double) count;
        long idStringBytes = estimateIdBytes(ids[count / 2]);
        System.out.printf("agents:                 %,d (spawned in %,d ms, %,.0f spawns/s)%n", count, spawnMillis,
                count * 1000.0 / Math.max(1, spawnMillis));
        System.out.printf("heap growth per agent:  %.0f bytes (id strings excluded: they were allocated before)%n",
                perAgent);
        System.out.printf("  of which state object: %d bytes%n", STATE_BYTES);
        System.out.printf("runtime overhead:       %.0f bytes per idle agent%n", perAgent - STATE_BYTES);
        System.out.printf("(an id like '%s' costs another ~%d bytes, held by the caller here)%n", ids[count / 2],
                idStringBytes);
        System.out.printf("agents still listed:    %,d%n", runtime.status().agents());
        runtime.close();
    }

    private static long estimateIdBytes(String id) {
        return 24 + ((16 + id.length() + 7) / 8) * 8;
    }

    private static long usedHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
