package io.phoenix.itests.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * The bookkeeping of a Jepsen-style checker for counters that each have exactly one caller thread: every call's
 * outcome is recorded as <em>acknowledged</em> (with the value replied), <em>not applied</em> (the error says the
 * update did not happen) or <em>in doubt</em> (it may have). Checked as replies come: every acknowledged value is
 * greater than the previous one and lies in [acked, acked + in doubt] counted so far — a value going back, or beyond
 * what was sent, means a lost update or a second activation. Checked at the end ({@link #check}): acknowledged ≤
 * final value ≤ acknowledged + in doubt (nothing acknowledged lost, nothing applied twice).
 */
final class AckLedger {

    /** What the callers saw for one counter. */
    static final class Tally {
        long acked;
        long inDoubt;
        long notApplied;
        long lastValue;
        volatile long firstAnswerAfterMark = -1;
        volatile long failuresAfterMark;
    }

    /** One counter's result: what was acknowledged and in doubt, and its final value. */
    record Check(String id, long acked, long inDoubt, long notApplied, long finalValue) {
        long lost() {
            return Math.max(0, acked - finalValue);
        }

        long overApplied() {
            return Math.max(0, finalValue - acked - inDoubt);
        }
    }

    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    private final AtomicLong acked = new AtomicLong();
    private volatile long markNanos = Long.MAX_VALUE;

    AckLedger(List<String> counters) {
        counters.forEach(id -> tallies.put(id, new Tally()));
    }

    List<String> ids() {
        return new ArrayList<>(tallies.keySet());
    }

    /**
     * Records a call's outcome as the loads name it: {@code ok} (with the value), an error code the product
     * documents as "not applied" ({@code agent_unavailable}, {@code mailbox_full}, {@code type_not_available}, a
     * timeout withdrawn unhandled), {@code not-sent}; anything else is in doubt.
     */
    void record(String id, String outcome, String value, long startNanos, long endNanos) {
        switch (outcome) {
            case "ok" -> acknowledged(id, Long.parseLong(value), startNanos, endNanos);
            case "agent_unavailable", "mailbox_full", "type_not_available", "timeout(withdrawn)", "not-sent" ->
                    failed(id, false, startNanos);
            default -> failed(id, true, startNanos);
        }
    }

    /** An acknowledged call that replied {@code value}. */
    void acknowledged(String id, long value, long startNanos, long endNanos) {
        Tally t = tallies.get(id);
        synchronized (t) {
            t.acked++;
            acked.incrementAndGet();
            if (value <= t.lastValue || value < t.acked || value > t.acked + t.inDoubt) {
                violations.add(id + ": reply " + value + " after " + t.lastValue + " with acked " + t.acked
                        + ", in doubt " + t.inDoubt + " (must grow and lie in [acked, acked + in doubt])");
            }
            t.lastValue = value;
            if (startNanos >= markNanos && t.firstAnswerAfterMark < 0) {
                t.firstAnswerAfterMark = endNanos;
            }
        }
    }

    /** A failed call; {@code applied} false when the error says the update did not happen, else it is in doubt. */
    void failed(String id, boolean mayHaveApplied, long startNanos) {
        Tally t = tallies.get(id);
        synchronized (t) {
            if (mayHaveApplied) {
                t.inDoubt++;
            } else {
                t.notApplied++;
            }
            if (startNanos >= markNanos) {
                t.failuresAfterMark++;
            }
        }
    }

    /** Marks an event (a kill, a wake-up): {@link #allAnsweredNanos()} measures from it. */
    void mark(long eventNanos) {
        tallies.values().forEach(t -> {
            t.firstAnswerAfterMark = -1;
            t.failuresAfterMark = 0;
        });
        markNanos = eventNanos;
    }

    /** @return when the last counter answered a call made after the mark, or -1 while some has not yet */
    long allAnsweredNanos() {
        long last = 0;
        for (Tally t : tallies.values()) {
            long at = t.firstAnswerAfterMark;
            if (at < 0) {
                return -1;
            }
            last = Math.max(last, at);
        }
        return last;
    }

    /** @return how many counters had a failed call after the mark */
    long agentsFailedAfterMark() {
        return tallies.values().stream().filter(t -> t.failuresAfterMark > 0).count();
    }

    long acked() {
        return acked.get();
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    /** Compares every counter's tally with its final value, read by {@code finalValue}. */
    List<Check> check(ToLongFunction<String> finalValue) {
        List<Check> checks = new ArrayList<>();
        tallies.forEach((id, t) -> {
            synchronized (t) {
                checks.add(new Check(id, t.acked, t.inDoubt, t.notApplied, finalValue.applyAsLong(id)));
            }
        });
        return checks;
    }
}
