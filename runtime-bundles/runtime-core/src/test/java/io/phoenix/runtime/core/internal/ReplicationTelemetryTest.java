package io.phoenix.runtime.core.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phoenix.agent.api.AgentContext;
import io.phoenix.agent.api.AgentTimeoutException;
import io.phoenix.runtime.core.internal.TestAgents.Count;
import io.phoenix.runtime.core.internal.TestAgents.Counter;
import io.phoenix.runtime.core.internal.TestAgents.Op;
import io.phoenix.runtime.management.RuntimeEvent;
import io.phoenix.runtime.management.RuntimeEvent.Kind;
import io.phoenix.runtime.management.TransportObserver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** STATE_REPLICATED summaries, STATE_REPLICATION_FAILED events and per-write observation of replicated commits. */
class ReplicationTelemetryTest extends RuntimeTestSupport {

    /** Short, so the scheduled summary shows up in tens of milliseconds instead of a second. */
    private static final Duration PERIOD = Duration.ofMillis(50);

    private final List<RuntimeEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger observedOk = new AtomicInteger();
    private final AtomicInteger observedFailed = new AtomicInteger();
    private final ReplicatedTestStore store = new ReplicatedTestStore();

    @BeforeEach
    void listen() {
        runtime.addListener(events::add);
        runtime.addObserver(new TransportObserver() {
            @Override
            public void requestCompleted(String from, String to, String operation, long nanos, String errorCode) {
            }

            @Override
            public void placementLookup(String node, long latencyNanos) {
            }

            @Override
            public void stateWriteCompleted(String node, long latencyNanos, boolean failed) {
                (failed ? observedFailed : observedOk).incrementAndGet();
            }
        });
        register(new Counter(), TestAgents.V1);
    }

    /** The replicated store without a cluster around it: only the commit path cares which store it is. */
    private void useReplicatedStore() {
        runtime.stateStore = store;
    }

    private List<RuntimeEvent> of(Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }

    private long sum(Kind kind, String attribute) {
        return of(kind).stream().mapToLong(e -> Long.parseLong(e.attributes().get(attribute))).sum();
    }

    @Test
    void committedTurnsAreSummarisedAtMostOncePerPeriod() {
        useReplicatedStore();
        runtime.replication.start(runtime.scheduler, PERIOD);
        join(runtime.spawn("counter", "c1", null));
        int n = 100;
        for (int i = 0; i < n; i++) {
            runtime.cast("c1", new Op("inc", 1));
        }
        join(runtime.call("c1", new Op("get", 0), TIMEOUT)); // a read: no commit

        await().atMost(Duration.ofSeconds(2)).until(() -> sum(Kind.STATE_REPLICATED, "commits") == n);
        List<RuntimeEvent> summaries = of(Kind.STATE_REPLICATED);
        for (RuntimeEvent summary : summaries) {
            assertTrue(Long.parseLong(summary.attributes().get("commits")) > 0, "no summary without commits");
            assertEquals("0", summary.attributes().get("failures"));
            assertTrue(Double.parseDouble(summary.attributes().get("maxMillis")) >= ReplicatedTestStore.ACK_MILLIS,
                    summary.toString());
            assertNull(summary.agentId());
            assertEquals("test-node", summary.nodeId());
        }
        for (int i = 1; i < summaries.size(); i++) {
            long gap = Duration.between(summaries.get(i - 1).timestamp(), summaries.get(i).timestamp()).toMillis();
            assertTrue(gap >= PERIOD.toMillis() - 1, "summaries " + gap + " ms apart");
        }
        assertEquals(n, observedOk.get(), "every write observed once");
        assertEquals(0, observedFailed.get());
        assertEquals(new Count(n), join(runtime.state("c1", Count.class)));
    }

    @Test
    void noSummaryWhileNothingIsReplicated() {
        useReplicatedStore();
        runtime.replication.start(runtime.scheduler, PERIOD);
        join(runtime.spawn("counter", "c1", null));
        join(runtime.call("c1", new Op("get", 0), TIMEOUT));

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                .until(() -> of(Kind.STATE_REPLICATED).isEmpty());
    }

    @Test
    void aSingleNodeWithoutReplicatedStorePublishesNothing() {
        runtime.replication.start(runtime.scheduler, PERIOD);
        join(runtime.spawn("counter", "c1", null));
        for (int i = 0; i < 20; i++) {
            join(runtime.call("c1", new Op("inc", 1), TIMEOUT));
        }

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                .until(() -> of(Kind.STATE_REPLICATED).isEmpty() && of(Kind.STATE_REPLICATION_FAILED).isEmpty());
        assertEquals(0, observedOk.get() + observedFailed.get());
    }

    @Test
    void failedWritesAreCountedAndTheirEventsBounded() {
        useReplicatedStore();
        runtime.replication.start(runtime.scheduler, Duration.ofHours(1)); // the test closes the window itself
        join(runtime.spawn("counter", "c1", null));
        join(runtime.call("c1", new Op("inc", 1), TIMEOUT));
        store.failing = true;
        int failures = ReplicationTelemetry.MAX_FAILURE_EVENTS_PER_PERIOD + 15;
        for (int i = 0; i < failures; i++) {
            Throwable failure = TurnsAndMailboxTest.failure(runtime.call("c1", new Op("inc", 1), TIMEOUT));
            assertInstanceOf(AgentTimeoutException.class, failure, "the update may or may not persist");
        }
        runtime.replication.emit();

        await().atMost(Duration.ofSeconds(1)).until(() -> !of(Kind.STATE_REPLICATED).isEmpty());
        Map<String, String> summary = of(Kind.STATE_REPLICATED).get(0).attributes();
        assertEquals("1", summary.get("commits"), "the write before the store broke");
        assertEquals(String.valueOf(failures), summary.get("failures"), "every failure, not only the events");
        List<RuntimeEvent> failed = of(Kind.STATE_REPLICATION_FAILED);
        assertEquals(ReplicationTelemetry.MAX_FAILURE_EVENTS_PER_PERIOD, failed.size(), "rate-limited");
        assertEquals("c1", failed.get(0).agentId());
        assertEquals("counter", failed.get(0).agentType());
        assertTrue(failed.get(0).attributes().get("error").contains("grid refuses writes"), failed.toString());
        assertEquals(failures, observedFailed.get(), "the observer sees every failure");
    }

    @Test
    void commitsOfLifecycleCallbacksAreCountedToo() {
        useReplicatedStore();
        runtime.replication.start(runtime.scheduler, PERIOD);
        register(new Counter() {
            @Override
            public String name() {
                return "starter";
            }

            @Override
            public void onActivate(AgentContext<Count> context) {
                context.setState(new Count(context.state().value() + 100));
            }
        }, TestAgents.V1);
        join(runtime.spawn("starter", "s1", null));

        await().atMost(Duration.ofSeconds(2)).until(() -> sum(Kind.STATE_REPLICATED, "commits") == 1);
        assertEquals(new Count(100), join(runtime.state("s1", Count.class)));
    }
}
