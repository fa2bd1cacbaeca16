package io.phoenix.bench;

import io.phoenix.agent.api.AgentRef;
import io.phoenix.runtime.core.internal.LocalRuntime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cast throughput: one sender casts {@value #MESSAGES} messages round-robin over {@code agents}
 * agents, and the operation ends only when every message has been handled (committed to the agent's
 * state), so the figure is handled messages per second, not merely queued ones.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class CastThroughputBenchmark {

    static final int MESSAGES = 100_000;

    @Param({"1000", "10000"})
    public int agents;

    private LocalRuntime runtime;
    private BenchAgents.Counter counter;
    private AgentRef[] refs;

    @Setup(Level.Trial)
    public void start() {
        counter = new BenchAgents.Counter();
        runtime = BenchRuntime.start(counter);
        refs = new AgentRef[agents];
        for (int i = 0; i < agents; i++) {
            refs[i] = runtime.spawn("bench-counter", "agent-" + i, null).toCompletableFuture().join();
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        runtime.close();
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long castAndDrain() {
        long target = counter.handled.sum() + MESSAGES;
        Object message = "tick";
        for (int i = 0; i < MESSAGES; i++) {
            refs[i % agents].cast(message);
        }
        long handled;
        while ((handled = counter.handled.sum()) < target) {
            Thread.onSpinWait();
        }
        return handled;
    }
}
