package io.phoenix.runtime.core.internal;

import io.phoenix.agent.api.AgentException;
import io.phoenix.agent.api.AgentTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One message in a mailbox, and the node of the mailbox's intrusive queue. Its small state machine
 * makes "handled" and "withdrawn on timeout" mutually exclusive: a call that times out while its
 * message still waits removes it, so the caller knows for certain the agent never saw it.
 */
final class Envelope {

    static final int QUEUED = 0;
    static final int STARTED = 1;
    static final int WITHDRAWN = 2;

    private static final AtomicIntegerFieldUpdater<Envelope> STATE =
            AtomicIntegerFieldUpdater.newUpdater(Envelope.class, "state");

    final Object message;
    /** Null for a cast. */
    final CompletableFuture<Object> reply;
    /** Runtime-internal instruction (stop, passivate, activate), or null for a user message. */
    final SystemSignal signal;
    /** Set by a fixed-rate timer so it can skip ticks while one is still queued. */
    final TimerTask timer;

    Envelope next;
    /** Whether the caller wants the reply encoded as JSON by the agent type's own codec. */
    boolean jsonReply;
    /** When a sampled user message entered the mailbox ({@link System#nanoTime()}); 0 if it is not timed. */
    long enqueuedNanos;
    private volatile int state;
    private volatile ScheduledFuture<?> timeout;

    Envelope(Object message, CompletableFuture<Object> reply, SystemSignal signal, TimerTask timer) {
        this.message = message;
        this.reply = reply;
        this.signal = signal;
        this.timer = timer;
    }

    static Envelope cast(Object message) {
        return new Envelope(message, null, null, null);
    }

    static Envelope call(Object message) {
        return new Envelope(message, new CompletableFuture<>(), null, null);
    }

    static Envelope signal(SystemSignal signal, CompletableFuture<Object> done) {
        return new Envelope(null, done, signal, null);
    }

    /** Claims the envelope for handling; false if its caller already gave up on it. */
    boolean start() {
        return STATE.compareAndSet(this, QUEUED, STARTED);
    }

    /** Withdraws a message that was not started yet; false if the agent already took it. */
    boolean withdraw() {
        return STATE.compareAndSet(this, QUEUED, WITHDRAWN);
    }

    boolean withdrawn() {
        return state == WITHDRAWN;
    }

    void timeoutTask(ScheduledFuture<?> task) {
        this.timeout = task;
    }

    /** Completes with the agent's reply, encoded as JSON first when the caller asked for that. */
    void reply(TypeBinding binding, Object value) {
        if (!jsonReply) {
            complete(value);
            return;
        }
        String json;
        try {
            json = value == null ? "null" : binding.codec.toJson(value);
        } catch (RuntimeException e) {
            fail(new io.phoenix.agent.api.AgentFailedException(null, "reply of agent type " + binding.name
                    + " cannot be encoded as JSON: " + e.getMessage(), e));
            return;
        }
        complete(json);
    }

    void complete(Object value) {
        if (reply != null && reply.complete(value)) {
            cancelTimeout();
        }
    }

    void fail(Throwable error) {
        if (reply != null && reply.completeExceptionally(error)) {
            cancelTimeout();
        }
    }

    /** Called by the timeout task: withdraw if still queued, then fail the caller either way. */
    void expire(String agentId, long timeoutMillis, AgentException ifWithdrawn) {
        if (reply == null || reply.isDone()) {
            return;
        }
        if (withdraw()) {
            reply.completeExceptionally(ifWithdrawn != null ? ifWithdrawn
                    : new AgentTimeoutException(agentId, "agent '" + agentId + "' did not take the message within "
                            + timeoutMillis + " ms; it was withdrawn unhandled", false));
        } else {
            reply.completeExceptionally(new AgentTimeoutException(agentId, "agent '" + agentId
                    + "' did not reply within " + timeoutMillis + " ms; it may have handled the message", true));
        }
    }

    private void cancelTimeout() {
        ScheduledFuture<?> task = timeout;
        if (task != null) {
            task.cancel(false);
        }
    }
}
