package io.phoenix.runtime.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a fresh runtime per test and offers bounded waits on stages. */
abstract class RuntimeTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final AtomicLong SERVICE_IDS = new AtomicLong(1);

    LocalRuntime runtime;

    @BeforeEach
    void startRuntime() {
        runtime = new LocalRuntime(settings(), Clock.systemUTC(), latencySampleInterval());
    }

    /** One message in this many is timed; a test that counts timed messages overrides it with 1. */
    int latencySampleInterval() {
        return LatencyHistogram.SAMPLE_INTERVAL;
    }

    RuntimeSettings settings() {
        return RuntimeSettings.defaults("test-node").withDispatcherThreads(2);
    }

    @AfterEach
    void stopRuntime() {
        runtime.close();
    }

    long register(io.phoenix.agent.api.AgentType<?, ?> type, org.osgi.framework.Version version) {
        long id = SERVICE_IDS.getAndIncrement();
        runtime.addType(type, version, "test.bundle", id);
        return id;
    }

    static <T> T join(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("stage did not complete within 10 s", e);
        }
    }
}
