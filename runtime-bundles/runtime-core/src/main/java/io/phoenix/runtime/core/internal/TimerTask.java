package io.phoenix.runtime.core.internal;

import io.phoenix.agent.api.AgentException;
import io.phoenix.agent.api.TimerHandle;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One timer: puts its message into the agent's mailbox when it fires; a periodic one skips a tick still queued. */
final class TimerTask implements TimerHandle, Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(TimerTask.class);

    private final Activation agent;
    private final Object message;
    private final boolean periodic;
    volatile ScheduledFuture<?> future;
    private volatile boolean cancelled;
    private volatile boolean fired;
    private volatile boolean tickQueued;

    TimerTask(Activation agent, Object message, boolean periodic) {
        this.agent = agent;
        this.message = message;
        this.periodic = periodic;
    }

    @Override
    public void run() {
        if (cancelled || (periodic && tickQueued) || agent.lifecycle == Activation.STOPPED) {
            return;
        }
        fired = !periodic;
        tickQueued = true;
        try {
            agent.enqueueSystem(new Envelope(message, null, null, this));
        } catch (AgentException e) {
            tickQueued = false;
            LOG.warn("timer of agent '{}' could not deliver: {}", agent.id, e.getMessage());
        }
    }

    void tickTaken() {
        tickQueued = false;
    }

    @Override
    public boolean cancel() {
        if (cancelled || fired) {
            return false;
        }
        cancelled = true;
        ScheduledFuture<?> task = future;
        if (task != null) {
            task.cancel(false);
        }
        return true;
    }

    @Override
    public boolean isDone() {
        return cancelled || fired;
    }
}
