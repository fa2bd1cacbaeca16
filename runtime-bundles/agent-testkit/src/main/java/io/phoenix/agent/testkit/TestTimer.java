package io.phoenix.agent.testkit;

import io.phoenix.agent.api.TimerHandle;
import java.time.Duration;

/**
 * A timer an agent scheduled on a {@link TestAgentContext}: what it asked for, and whether it was
 * cancelled or fired. It never fires by itself; see {@link TestAgentContext#fire}.
 */
public final class TestTimer implements TimerHandle {

    private final Duration delay;
    private final Duration period;
    private final Object message;
    private boolean cancelled;
    private boolean fired;
    private int ticks;

    TestTimer(Duration delay, Duration period, Object message) {
        this.delay = delay;
        this.period = period;
        this.message = message;
    }

    /** @return the delay before it fires (the first time, if periodic) */
    public Duration delay() {
        return delay;
    }

    /** @return the time between ticks, or {@code null} for a one-shot timer */
    public Duration period() {
        return period;
    }

    /** @return the message it delivers to the agent itself */
    public Object message() {
        return message;
    }

    /** @return how many times it was fired */
    public synchronized int ticks() {
        return ticks;
    }

    @Override
    public synchronized boolean cancel() {
        if (cancelled || fired) {
            return false;
        }
        cancelled = true;
        return true;
    }

    @Override
    public synchronized boolean isDone() {
        return cancelled || fired;
    }

    /** Takes one tick; false if the timer is cancelled or has fired. */
    synchronized boolean take() {
        if (isDone()) {
            return false;
        }
        fired = period == null;
        ticks++;
        return true;
    }

    @Override
    public synchronized String toString() {
        return "TestTimer(" + (period == null ? "once after " + delay : "every " + period + " after " + delay)
                + ", " + message + (cancelled ? ", cancelled" : fired ? ", fired" : "") + ")";
    }
}
