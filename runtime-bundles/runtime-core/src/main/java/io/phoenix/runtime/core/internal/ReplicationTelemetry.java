package io.phoenix.runtime.core.internal;

import io.phoenix.runtime.management.RuntimeEvent.Kind;
import io.phoenix.runtime.management.TransportObserver;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telemetry of committed state writes to a store that persists every commit (a replicated store). A node can
 * commit millions of times a second, so writes are only counted where they complete (striped adders, no lock, no
 * allocation) and a scheduled task publishes one {@link Kind#STATE_REPLICATED} summary per period — and only
 * if something completed in it, so a node without a replicated store publishes nothing. Failed writes also
 * produce {@link Kind#STATE_REPLICATION_FAILED}, at most {@link #MAX_FAILURE_EVENTS_PER_PERIOD} per period: a
 * grid that refuses writes fails every commit, and the summary's {@code failures} counts all of them anyway.
 * Per-write figures go to {@link TransportObserver}s, for histograms the summary is too coarse for.
 */
final class ReplicationTelemetry {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicationTelemetry.class);

    /** How often the summary is published (at most). */
    static final Duration PERIOD = Duration.ofSeconds(1);
    /** Failure events per period beyond which failures are only counted in the summary. */
    static final int MAX_FAILURE_EVENTS_PER_PERIOD = 10;

    private final EventBus events;
    private final List<TransportObserver> observers;
    private final Supplier<String> nodeId;
    private final LongAdder confirmed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAccumulator slowestNanos = new LongAccumulator(Math::max, 0);
    private final AtomicInteger failureEvents = new AtomicInteger();
    /** Touched only by {@link #emit}, which the single scheduler thread runs (or a test, instead of it). */
    private long windowStartNanos = System.nanoTime();
    private ScheduledFuture<?> task;

    ReplicationTelemetry(EventBus events, List<TransportObserver> observers, Supplier<String> nodeId) {
        this.events = events;
        this.observers = observers;
        this.nodeId = nodeId;
    }

    /** (Re)schedules the summary; tests shorten the period. */
    synchronized void start(ScheduledExecutorService scheduler, Duration period) {
        if (task != null) {
            task.cancel(false);
        }
        long millis = Math.max(1, period.toMillis());
        // Fixed delay, not rate: after a stalled scheduler, no burst of catch-up summaries.
        task = scheduler.scheduleWithFixedDelay(this::emit, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * For writes whose stage nobody else waits on (commits of onActivate/onPassivate, which are rare): records
     * the outcome when it arrives. Turns record theirs where they already wait for it, see {@link #completed}.
     */
    void track(Activation agent, long startedNanos, CompletionStage<Void> write) {
        write.whenComplete((ignored, error) -> completed(agent, startedNanos, error));
    }

    /**
     * A write issued at {@code startedNanos} completed. Runs on the store's completion thread; must never
     * throw, since it runs inside the chain that answers the caller.
     *
     * @param error null if the store confirmed the write
     */
    void completed(Activation agent, long startedNanos, Throwable error) {
        long tookNanos = System.nanoTime() - startedNanos;
        if (error == null) {
            confirmed.increment();
            slowestNanos.accumulate(tookNanos);
        } else {
            failed.increment();
            if (failureEvents.incrementAndGet() <= MAX_FAILURE_EVENTS_PER_PERIOD) {
                events.publish(Kind.STATE_REPLICATION_FAILED, agent.slot.name, agent.id, Map.of(
                        "error", TurnRunner.describe(TurnRunner.unwrap(error)), "millis", millis(tookNanos)));
            }
        }
        if (!observers.isEmpty()) {
            observe(tookNanos, error != null);
        }
    }

    private void observe(long tookNanos, boolean failure) {
        String node = nodeId.get();
        for (TransportObserver observer : observers) {
            try {
                observer.stateWriteCompleted(node, tookNanos, failure);
            } catch (RuntimeException e) {
                LOG.debug("observer {} failed on a state write: {}", observer, e.toString());
            }
        }
    }

    /** Publishes the summary of the writes completed since the last call, if there were any. */
    void emit() {
        long now = System.nanoTime();
        long commits = confirmed.sumThenReset();
        long failures = failed.sumThenReset();
        long slowest = slowestNanos.getThenReset();
        long periodNanos = now - windowStartNanos;
        windowStartNanos = now;
        failureEvents.set(0);
        if (commits == 0 && failures == 0) {
            return;
        }
        events.publish(Kind.STATE_REPLICATED, null, null, Map.of(
                "commits", Long.toString(commits),
                "failures", Long.toString(failures),
                "maxMillis", millis(slowest),
                "periodMillis", Long.toString(TimeUnit.NANOSECONDS.toMillis(periodNanos))));
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }
}
