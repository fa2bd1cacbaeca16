package io.phoenix.runtime.core.internal;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * This node's ownership lease, the fence against stale activations. In a cluster another node takes an agent
 * over once this node is dropped from the topology — after it was paused, or cut off, for longer than the
 * failure detection timeout. A node that wakes from such a pause still has its activations in memory, with
 * state that may be stale, and messages queued before the pause. The cluster bundle renews the lease while
 * this node's membership is certain and lets it lapse when it is not (see
 * {@link io.phoenix.runtime.spi.AgentHost#leaseUntil}); while it is lapsed no turn runs here, and a turn that
 * ends after it lapsed is not answered as a success. Activations that found it lapsed wait here and run again
 * when it is renewed, or are drained with a retryable error when the node drops them.
 *
 * <p>A single node has no lease ({@link Long#MAX_VALUE}): checking it costs one volatile read.
 */
final class OwnershipLease {

    private volatile long validUntilNanos = Long.MAX_VALUE;
    private final ConcurrentLinkedQueue<Activation> held = new ConcurrentLinkedQueue<>();

    /** @return whether turns may run and be answered now */
    boolean valid() {
        long until = validUntilNanos;
        return until == Long.MAX_VALUE || System.nanoTime() - until < 0;
    }

    /** Extends (or, with a past deadline, ends) the lease; activations held while it was lapsed run again. */
    void renew(long untilNanos) {
        validUntilNanos = untilNanos;
        if (!held.isEmpty() && valid()) {
            resumeHeld();
        }
    }

    /**
     * Parks an activation whose batch found the lease lapsed; it runs again once the lease is renewed. It stays
     * marked as scheduled meanwhile, so it is parked once however many messages arrive.
     */
    void hold(Activation agent) {
        held.add(agent);
        if (valid()) {
            resumeHeld(); // renewed between the activation's check and now: do not wait for the next renewal
        }
    }

    /** @return how many activations wait for the lease */
    int heldCount() {
        return held.size();
    }

    /**
     * Runs every parked activation's next batch: after a renewal, or after the node dropped its activations (those
     * then fail their messages as retryable; any still live and fenced park again).
     */
    void resumeHeld() {
        Activation agent;
        while ((agent = held.poll()) != null) {
            agent.resume();
        }
    }
}
