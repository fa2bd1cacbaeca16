package io.phoenix.runtime.core.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The timers of one activation; cancelled together when the activation ends (passivate, stop, upgrade). */
final class TimerSet {

    private final Activation agent;
    private final ScheduledExecutorService scheduler;
    private final List<TimerTask> timers = new ArrayList<>(2);

    TimerSet(Activation agent, ScheduledExecutorService scheduler) {
        this.agent = agent;
        this.scheduler = scheduler;
    }

    TimerTask schedule(Duration delay, Duration period, Object message) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(message, "message");
        timers.removeIf(TimerTask::isDone);
        TimerTask task = new TimerTask(agent, message, period != null);
        long delayNanos = Math.max(0, delay.toNanos());
        task.future = period == null
                ? scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS)
                : scheduler.scheduleAtFixedRate(task, delayNanos, period.toNanos(), TimeUnit.NANOSECONDS);
        timers.add(task);
        return task;
    }

    void cancelAll() {
        for (TimerTask task : timers) {
            task.cancel();
        }
        timers.clear();
    }
}
