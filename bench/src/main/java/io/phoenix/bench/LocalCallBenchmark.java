package io.phoenix.bench;

import io.phoenix.agent.api.AgentRef;
import io.phoenix.runtime.core.internal.LocalRuntime;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Request/reply latency on one node. {@code clientCall}: a plain thread calls an agent and waits for
 * the reply. {@code agentToAgentCall}: a thread calls a relay agent, which calls a second agent and
 * replies with its answer; the difference between the two is the cost of one agent-to-agent call.
 * Run in SampleTime mode, so JMH reports p50/p90/p99/p99.9.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class LocalCallBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private LocalRuntime runtime;
    private AgentRef target;
    private AgentRef relay;

    @Setup(Level.Trial)
    public void start() {
        runtime = BenchRuntime.start(new BenchAgents.Counter(), new BenchAgents.Relay());
        runtime.spawn("bench-counter", "target", null).toCompletableFuture().join();
        runtime.spawn("bench-relay", "relay", null).toCompletableFuture().join();
        target = runtime.ref("target");
        relay = runtime.ref("relay");
    }

    @TearDown(Level.Trial)
    public void stop() {
        runtime.close();
    }

    @Benchmark
    public Object clientCall() {
        return target.call("ping", TIMEOUT).toCompletableFuture().join();
    }

    @Benchmark
    public Object agentToAgentCall() {
        return relay.call("target", TIMEOUT).toCompletableFuture().join();
    }
}
