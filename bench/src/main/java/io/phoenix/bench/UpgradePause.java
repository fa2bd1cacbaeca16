package io.phoenix.bench;

import io.phoenix.agent.api.AgentContext;
import io.phoenix.agent.api.AgentType;
import io.phoenix.agent.api.PriorState;
import io.phoenix.runtime.core.internal.LocalRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.Version;

/**
 * The pause a live upgrade causes: N agents (default 10,000) with state, two client threads calling
 * them continuously, then the type is replaced by a version with a new state schema and an upgrade
 * hook, exactly as the OSGi tracker does when a bundle is updated (remove v1, add v2). Reports the time
 * the switch itself takes (suspend + snapshot of every live agent, then resume) and the call latencies
 * the clients saw around it. In a real node, the time the framework needs to update the bundle jar
 * comes on top; the itests measure that end to end.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.phoenix.bench.UpgradePause [N]}
 */
public final class UpgradePause {

    private UpgradePause() {
    }

    record StateV2(long value, long upgradedFrom) {
    }

    /** Version 2 of the bench counter: new schema, upgrade hook. */
    static final class CounterV2 implements AgentType<StateV2, Object> {
        @Override
        public String name() {
            return "bench-counter";
        }

        @Override
        public Class<StateV2> stateType() {
            return StateV2.class;
        }

        @Override
        public Class<Object> messageType() {
            return Object.class;
        }

        @Override
        public int stateVersion() {
            return 2;
        }

        @Override
        public StateV2 initialState(String agentId) {
            return new StateV2(0, 0);
        }

        @Override
        public StateV2 upgradeState(PriorState prior) {
            BenchAgents.Count old = prior.as(BenchAgents.Count.class);
            return new StateV2(old.value(), old.value());
        }

        @Override
        public Object handle(AgentContext<StateV2> context, Object message) {
            StateV2 next = new StateV2(context.state().value() + 1, context.state().upgradedFrom());
            context.setState(next);
            return next.value();
        }
    }

    /**
     * @param args optional agent count
     * @throws Exception if interrupted
     */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        LocalRuntime runtime = BenchRuntime.start();
        runtime.addType(new BenchAgents.Counter(), new Version(1, 0, 0), "bench", 1);
        for (int i = 0; i < count; i++) {
            runtime.spawn("bench-counter", "agent-" + i, null).toCompletableFuture().join();
            runtime.cast("agent-" + i, "warm");
        }
        AtomicBoolean running = new AtomicBoolean(true);
        List<long[]> samples = new ArrayList<>();
        List<Thread> clients = new ArrayList<>();
        long[] window = new long[2];
        for (int t = 0; t < 2; t++) {
            int offset = t;
            long[] latencies = new long[5_000_000];
            long[] finishedAt = new long[latencies.length];
            samples.add(latencies);
            samples.add(finishedAt);
            Thread client = new Thread(() -> {
                int n = 0;
                while (running.get() && n < latencies.length) {
                    String id = "agent-" + ((n * 2 + offset) % count);
                    long start = System.nanoTime();
                    runtime.call(id, "inc", Duration.ofSeconds(10)).toCompletableFuture().join();
                    long end = System.nanoTime();
                    latencies[n] = end - start;
                    finishedAt[n] = end;
                    n++;
                }
            });
            clients.add(client);
            client.start();
        }
        Thread.sleep(2_000);
        window[0] = System.nanoTime();
        runtime.removeType(1);
        long removed = System.nanoTime();
        runtime.addType(new CounterV2(), new Version(2, 0, 0), "bench", 2);
        long added = System.nanoTime();
        window[1] = added;
        Thread.sleep(2_000);
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }
        long beforeMax = 0;
        long aroundMax = 0;
        List<Long> all = new ArrayList<>();
        for (int c = 0; c < samples.size(); c += 2) {
            long[] latencies = samples.get(c);
            long[] finishedAt = samples.get(c + 1);
            for (int i = 0; i < latencies.length && finishedAt[i] != 0; i++) {
                all.add(latencies[i]);
                boolean overlapsUpgrade = finishedAt[i] >= window[0] && finishedAt[i] - latencies[i] <= window[1] + 1_000_000_000L;
                if (overlapsUpgrade) {
                    aroundMax = Math.max(aroundMax, latencies[i]);
                } else if (finishedAt[i] < window[0]) {
                    beforeMax = Math.max(beforeMax, latencies[i]);
                }
            }
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        System.out.printf("agents: %,d, calls: %,d%n", count, sorted.length);
        System.out.printf("switch: suspend+snapshot %.1f ms, resume %.1f ms, total %.1f ms%n",
                (removed - window[0]) / 1e6, (added - removed) / 1e6, (added - window[0]) / 1e6);
        System.out.printf("call latency p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs%n", sorted[sorted.length / 2] / 1e3,
                sorted[(int) (sorted.length * 0.99)] / 1e3, sorted[(int) (sorted.length * 0.999)] / 1e3);
        System.out.printf("max call latency before the upgrade %.1f ms, in the second after it started %.1f ms%n",
                beforeMax / 1e6, aroundMax / 1e6);
        runtime.close();
    }
}
