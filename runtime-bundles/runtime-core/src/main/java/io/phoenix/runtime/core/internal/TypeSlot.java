package io.phoenix.runtime.core.internal;

import io.phoenix.agent.api.AgentOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Everything the runtime knows about one type name across versions: the binding agents run now
 * ({@code null} while the type is unavailable), the registered candidates (the highest version wins),
 * what was last seen so suspended agents can still be described, and the type's counters.
 */
final class TypeSlot {

    final String name;
    /** The binding turns run with; null while suspended. Read once per batch by every activation. */
    volatile TypeBinding current;
    /** Batches in progress: a switch of binding waits for it to reach zero before it snapshots state. */
    final AtomicInteger runningBatches = new AtomicInteger();

    final LongAdder handled = new LongAdder();
    final LongAdder failed = new LongAdder();
    final AtomicLong upgrades = new AtomicLong();
    final AtomicLong agents = new AtomicLong();
    /** Sampled messages from mailbox to end of turn; timers and runtime signals are not timed. */
    final LatencyHistogram latency = new LatencyHistogram();

    /** Guarded by this. */
    private final List<TypeBinding> candidates = new ArrayList<>();
    volatile TypeBinding lastSeen;

    TypeSlot(String name) {
        this.name = name;
    }

    synchronized void addCandidate(TypeBinding binding) {
        candidates.add(binding);
        candidates.sort(Comparator.comparing((TypeBinding b) -> b.version).reversed()
                .thenComparingLong(b -> b.serviceId));
    }

    synchronized boolean removeCandidate(long serviceId) {
        return candidates.removeIf(b -> b.serviceId == serviceId);
    }

    synchronized TypeBinding best() {
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    AgentOptions options() {
        TypeBinding binding = lastSeen;
        return binding == null ? AgentOptions.defaults() : binding.options;
    }
}
