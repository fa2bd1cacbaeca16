package io.phoenix.runtime.core.internal;

import io.phoenix.agent.api.AgentNotFoundException;
import io.phoenix.agent.api.AgentStatus;
import io.phoenix.agent.api.MailboxFullException;
import io.phoenix.runtime.spi.EncodedState;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * One agent on this node: its state and its mailbox. Kept deliberately small (a million of them must
 * fit in a modest heap): the mailbox is an intrusive lock-free stack that producers push onto and the
 * single consumer reverses in batches, and nothing else is allocated until it is needed.
 *
 * <p>The state is in one of three forms: live ({@code binding} and {@code state} set), encoded
 * ({@code encoded} set: snapshotted for an upgrade or read back from the store), or stored (passivated:
 * both null, the {@link io.phoenix.runtime.spi.StateStore} has it). Only the activation's own turns move
 * it between forms, except the snapshot a type switch takes while no turn of the type can run.
 */
final class Activation implements Runnable {

    static final int ACTIVE = 0;
    static final int PASSIVATED = 1;
    static final int STOPPED = 2;
    /** Waiting for the cluster directory to grant this node the agent; messages queue meanwhile. */
    static final int CLAIMING = 3;
    /** Handed off to another node: whatever still arrives here is forwarded there. */
    static final int RELEASED = 4;
    /** Dropped because this node lost the cluster: whatever still arrives is failed as retryable. */
    static final int DROPPED = 5;

    private static final AtomicReferenceFieldUpdater<Activation, Envelope> INBOX =
            AtomicReferenceFieldUpdater.newUpdater(Activation.class, Envelope.class, "inbox");
    private static final AtomicIntegerFieldUpdater<Activation> QUEUED =
            AtomicIntegerFieldUpdater.newUpdater(Activation.class, "queued");
    private static final AtomicIntegerFieldUpdater<Activation> SCHEDULED =
            AtomicIntegerFieldUpdater.newUpdater(Activation.class, "scheduled");

    final String id;
    final TypeSlot slot;
    final LocalRuntime runtime;

    volatile TypeBinding binding;
    volatile Object state;
    volatile EncodedState encoded;
    volatile int lifecycle;
    volatile long lastActiveMillis;
    volatile long handled;

    private volatile Envelope inbox;
    /** Consumer-owned FIFO of envelopes taken from the inbox but not handled yet. */
    private Envelope pending;
    private volatile int queued;
    private volatile int scheduled;
    /** Consumer-owned: the last save to a replicating store, so saves of this agent stay in order. */
    java.util.concurrent.CompletableFuture<Void> lastSave;
    /** Consumer-owned; allocated on the first timer. */
    TimerSet timers;

    Activation(String id, TypeSlot slot, LocalRuntime runtime, TypeBinding binding, Object state) {
        this.id = id;
        this.slot = slot;
        this.runtime = runtime;
        this.binding = binding;
        this.state = state;
        this.lastActiveMillis = runtime.clock.millis();
    }

    /** Queues a user message; fails at once if the mailbox is full or the agent is gone. */
    void enqueue(Envelope envelope) {
        int capacity = slot.options().mailboxCapacity();
        if (QUEUED.incrementAndGet(this) > capacity) {
            QUEUED.decrementAndGet(this);
            if (slot.current == null) {
                throw new io.phoenix.agent.api.TypeNotAvailableException(id, "agent type '" + slot.name
                        + "' is not available and agent '" + id + "' has " + capacity + " messages waiting");
            }
            throw new MailboxFullException(id, "mailbox of agent '" + id + "' is full (" + capacity + " messages)");
        }
        if (lifecycle == STOPPED) {
            QUEUED.decrementAndGet(this);
            throw new AgentNotFoundException(id, "agent '" + id + "' was stopped");
        }
        // Stamped before the push publishes the envelope to the consumer, which reads the stamp after the turn.
        envelope.enqueuedNanos = LatencyHistogram.sampleStart(runtime.latencySampleMask);
        push(envelope); // a RELEASED activation still takes it: its turn forwards it to the new owner
    }

    /** Queues a runtime signal or timer tick; not bounded by the mailbox capacity. */
    void enqueueSystem(Envelope envelope) {
        QUEUED.incrementAndGet(this);
        push(envelope);
    }

    private void push(Envelope envelope) {
        Envelope head;
        do {
            head = inbox;
            envelope.next = head;
        } while (!INBOX.compareAndSet(this, head, envelope));
        schedule();
    }

    void schedule() {
        if (SCHEDULED.compareAndSet(this, 0, 1)) {
            runtime.dispatcher.execute(this);
        }
    }

    /** Runs a batch again after the lease held it back; it is still marked as scheduled. */
    void resume() {
        runtime.dispatcher.execute(this);
    }

    int mailboxDepth() {
        return Math.max(0, queued);
    }

    boolean idleAndEmpty() {
        return queued == 0 && scheduled == 0;
    }

    @Override
    public void run() {
        if (!ended() && !runtime.lease.valid()) {
            // This node may have been dropped from the cluster (paused, cut off): no turn on possibly stale state
            // until the lease is renewed, or until the node drops the activation and fails its messages as retryable.
            // It stays marked as scheduled, so new messages queue without dispatching it again; the lease resumes it.
            runtime.lease.hold(this);
            return;
        }
        TypeSlot typeSlot = slot;
        typeSlot.runningBatches.incrementAndGet();
        TypeBinding current;
        try {
            // Read after announcing the batch, so a type switch that saw no running batch cannot miss us.
            current = typeSlot.current;
            if (runnable(current)) {
                runtime.turns.runBatch(this, current);
            }
        } finally {
            typeSlot.runningBatches.decrementAndGet();
        }
        SCHEDULED.set(this, 0);
        if (queued > 0 && runnable(typeSlot.current)) {
            schedule();
        }
    }

    /** Whether a batch can make progress: the type is here, or the agent is gone and only needs draining. */
    private boolean runnable(TypeBinding current) {
        int life = lifecycle;
        if (life == STOPPED || life == RELEASED || life == DROPPED) {
            return true;
        }
        return life != CLAIMING && current != null;
    }

    /** Next envelope in arrival order, or null. Consumer only. */
    Envelope poll() {
        Envelope next = pending;
        if (next == null) {
            Envelope taken = INBOX.getAndSet(this, null);
            if (taken == null) {
                return null;
            }
            next = reverse(taken);
        }
        pending = next.next;
        next.next = null;
        QUEUED.decrementAndGet(this);
        return next;
    }

    /** True once the activation no longer serves turns here (stopped, handed off or dropped). */
    boolean ended() {
        int life = lifecycle;
        return life == STOPPED || life == RELEASED || life == DROPPED;
    }

    boolean hasMoreMessages() {
        return pending != null || inbox != null;
    }

    private static Envelope reverse(Envelope head) {
        Envelope reversed = null;
        while (head != null) {
            Envelope next = head.next;
            head.next = reversed;
            reversed = head;
            head = next;
        }
        return reversed;
    }

    AgentStatus status() {
        int life = lifecycle;
        if (life == STOPPED || life == RELEASED || life == DROPPED) {
            return AgentStatus.STOPPED;
        }
        if (life == CLAIMING) {
            return AgentStatus.SUSPENDED;
        }
        if (slot.current == null) {
            return AgentStatus.SUSPENDED;
        }
        return life == PASSIVATED ? AgentStatus.PASSIVATED : AgentStatus.ACTIVE;
    }

    String typeVersion() {
        TypeBinding live = binding;
        if (live != null) {
            return live.versionString();
        }
        EncodedState snapshot = encoded;
        if (snapshot != null) {
            return snapshot.typeVersion();
        }
        TypeBinding seen = slot.lastSeen;
        return seen == null ? "" : seen.versionString();
    }
}
