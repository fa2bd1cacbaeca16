package io.phoenix.runtime.core.internal;

import io.phoenix.runtime.management.AgentTypeInfo;
import io.phoenix.runtime.management.LatencySnapshot;
import io.phoenix.runtime.management.NodeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the management views (types, node status) from one scan of the agent table, and the latency views. */
final class RuntimeReport {

    private final Collection<TypeSlot> slots;
    private final RuntimeSettings settings;
    private final Instant startedAt;
    private final Map<TypeSlot, long[]> perType = new HashMap<>();
    private long active;
    private long mailboxDepth;
    private long agents;

    RuntimeReport(Collection<TypeSlot> slots, Collection<Activation> table, RuntimeSettings settings, Instant startedAt) {
        this.slots = slots;
        this.settings = settings;
        this.startedAt = startedAt;
        for (Activation agent : table) {
            long[] counts = perType.computeIfAbsent(agent.slot, slot -> new long[2]);
            counts[0]++;
            agents++;
            if (agent.state != null) {
                counts[1]++;
                active++;
            }
            mailboxDepth += agent.mailboxDepth();
        }
    }

    List<AgentTypeInfo> types() {
        List<AgentTypeInfo> result = new ArrayList<>();
        for (TypeSlot slot : slots) {
            TypeBinding seen = slot.lastSeen;
            if (seen == null) {
                continue; // every candidate was rejected or removed before it ran
            }
            TypeBinding current = slot.current;
            long[] counts = perType.getOrDefault(slot, new long[2]);
            result.add(new AgentTypeInfo(slot.name, seen.versionString(), seen.bundle, current != null,
                    seen.stateVersion, counts[0], counts[1], slot.handled.sum(), slot.failed.sum(), slot.upgrades.get()));
        }
        result.sort(Comparator.comparing(AgentTypeInfo::name));
        return result;
    }

    NodeStatus status() {
        long handled = 0;
        long failed = 0;
        int known = 0;
        for (TypeSlot slot : slots) {
            handled += slot.handled.sum();
            failed += slot.failed.sum();
            if (slot.lastSeen != null) {
                known++;
            }
        }
        return new NodeStatus(settings.nodeId(), startedAt, known, agents, active, mailboxDepth, handled, failed,
                settings.dispatcherThreads());
    }

    /** Message latency of all types; needs no scan of the agent table, hence static. */
    static LatencySnapshot latency(Collection<TypeSlot> slots) {
        LatencySnapshot total = LatencyHistogram.emptySnapshot();
        for (TypeSlot slot : slots) {
            total = total.plus(slot.latency.snapshot());
        }
        return total;
    }

    /** Message latency per type, for the types {@link #types()} lists, sorted by name. */
    static Map<String, LatencySnapshot> latencyByType(Collection<TypeSlot> slots) {
        Map<String, LatencySnapshot> result = new TreeMap<>();
        for (TypeSlot slot : slots) {
            if (slot.lastSeen != null) {
                result.put(slot.name, slot.latency.snapshot());
            }
        }
        return Collections.unmodifiableMap(result);
    }
}
