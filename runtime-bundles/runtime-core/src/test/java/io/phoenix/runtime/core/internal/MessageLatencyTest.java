package io.phoenix.runtime.core.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phoenix.agent.api.AgentFailedException;
import io.phoenix.runtime.core.internal.TestAgents.Counter;
import io.phoenix.runtime.core.internal.TestAgents.Op;
import io.phoenix.runtime.core.internal.TestAgents.Ticker;
import io.phoenix.runtime.core.internal.TestAgents.Ticks;
import io.phoenix.runtime.management.LatencySnapshot;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runtime's message latency: what is timed, per type and node-wide, and how often it samples. */
class MessageLatencyTest extends RuntimeTestSupport {

    private static final long MILLIS = 1_000_000;

    @Override
    int latencySampleInterval() {
        return 1; // time every message, so counts are exact
    }

    @Test
    void slowTurnsShowInTheUpperPercentilesOfTheirType() {
        register(new Counter(), TestAgents.V1);
        register(new TestAgents.Recorder(), TestAgents.V1);
        join(runtime.spawn("counter", "c1", null));
        join(runtime.spawn("recorder", "r1", null));
        for (int i = 0; i < 20; i++) {
            join(runtime.call("c1", new Op("inc", 1), TIMEOUT));
        }
        for (int i = 0; i < 5; i++) {
            join(runtime.call("c1", new Op("sleep", 20), TIMEOUT));
        }
        runtime.cast("r1", 7);

        // A turn is recorded right after it replied, so the caller can be a moment ahead of the histogram.
        await().atMost(TIMEOUT).until(() -> runtime.messageLatency().count() == 26);
        LatencySnapshot counter = runtime.messageLatencyByType().get("counter");
        assertEquals(25, counter.count());
        assertTrue(counter.p99Nanos() >= 20 * MILLIS, "p99 " + counter.p99Nanos());
        assertTrue(counter.maxNanos() >= 20 * MILLIS, "max " + counter.maxNanos());
        assertTrue(counter.p50Nanos() < 20 * MILLIS, "p50 " + counter.p50Nanos());
        assertTrue(counter.sumNanos() >= 100 * MILLIS, "sum " + counter.sumNanos());
        assertEquals(1, runtime.messageLatencyByType().get("recorder").count());
        assertEquals(List.of("counter", "recorder"), List.copyOf(runtime.messageLatencyByType().keySet()));
    }

    @Test
    void failedTurnsAreTimedTimersAndSignalsAreNot() {
        register(new Counter(), TestAgents.V1);
        register(new Ticker(), TestAgents.V1);
        join(runtime.spawn("counter", "c1", null));
        join(runtime.spawn("ticker", "t1", null));
        await().atMost(TIMEOUT).until(() -> join(runtime.state("t1", Ticks.class)).count() >= 3);
        join(runtime.stop("t1"));
        assertEquals(0, runtime.messageLatency().count(), "spawn, timer ticks and stop are not timed");

        assertThrows(AgentFailedException.class, () -> join(runtime.call("c1", new Op("boom", 0), TIMEOUT)));
        await().atMost(TIMEOUT).until(() -> runtime.messageLatency().count() == 1);
        assertEquals(0, runtime.messageLatencyByType().get("ticker").count());
    }

    @Test
    void byDefaultAboutOneMessageInThirtyTwoIsTimed() {
        try (LocalRuntime sampled = new LocalRuntime(settings(), Clock.systemUTC())) {
            sampled.addType(new Counter(), TestAgents.V1, "test.bundle", 1);
            join(sampled.spawn("counter", "c1", null));
            int messages = 3_200;
            for (int i = 0; i < messages; i++) {
                sampled.cast("c1", new Op("inc", 1));
            }
            await().atMost(TIMEOUT).until(() -> sampled.status().messagesHandled() == messages);
            // expected 100, standard deviation ~10
            await().atMost(TIMEOUT).untilAsserted(() -> {
                long timed = sampled.messageLatency().count();
                assertTrue(timed >= 50 && timed <= 150, "timed " + timed + " of " + messages);
            });
        }
    }

    @Test
    void nodeWideHistogramHasTheBucketsEvenWithoutTypes() {
        LatencySnapshot none = runtime.messageLatency();
        assertEquals(0, none.count());
        assertEquals(LatencyHistogram.UPPER_BOUNDS_NANOS.length, none.upperBoundsNanos().size());
        assertTrue(runtime.messageLatencyByType().isEmpty());
    }
}
