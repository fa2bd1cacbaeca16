package io.phoenix.runtime.core.internal;

import io.phoenix.agent.api.AgentType;
import io.phoenix.runtime.management.RuntimeEvent.Kind;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.osgi.framework.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks agent type registrations and switches the binding agents run with: on registration, on
 * removal and on a live upgrade. A switch stops new turns of the type, waits for running ones, encodes
 * the state of its live agents with the outgoing version, then lets turns continue under the new
 * version (or leaves them suspended, their messages queued). State is decoded again lazily, by each
 * agent's next turn, so the pause does not grow with the number of agents beyond one encode each.
 */
final class TypeRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(TypeRegistry.class);

    private final LocalRuntime runtime;
    private final ConcurrentHashMap<String, TypeSlot> slots = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, TypeSlot> byService = new ConcurrentHashMap<>();

    TypeRegistry(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    TypeSlot slot(String name) {
        return slots.get(name);
    }

    /** The slot of a type name, created empty (type not available) if no version was seen here yet. */
    TypeSlot slotFor(String name) {
        return slots.computeIfAbsent(TypeNames.validate(name), TypeSlot::new);
    }

    Collection<TypeSlot> slots() {
        return slots.values();
    }

    /** Registers an implementation; returns false (and logs why) if it cannot be used. */
    boolean add(AgentType<?, ?> service, Version version, String bundle, long serviceId) {
        TypeBinding binding;
        try {
            binding = new TypeBinding(service, version, bundle, serviceId);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("agent type {} from bundle {} {} rejected: {}", service.getClass().getName(), bundle, version,
                    TurnRunner.describe(e), e);
            return false;
        }
        TypeSlot slot = slots.computeIfAbsent(binding.name, TypeSlot::new);
        byService.put(serviceId, slot);
        synchronized (slot) {
            slot.addCandidate(binding);
            TypeBinding best = slot.best();
            if (best != slot.current) {
                switchTo(slot, best);
            }
        }
        return true;
    }

    void remove(long serviceId) {
        TypeSlot slot = byService.remove(serviceId);
        if (slot == null) {
            return;
        }
        synchronized (slot) {
            TypeBinding current = slot.current;
            slot.removeCandidate(serviceId);
            if (current != null && current.serviceId == serviceId) {
                switchTo(slot, slot.best());
            }
        }
    }

    /** Caller holds the slot's lock. */
    private void switchTo(TypeSlot slot, TypeBinding next) {
        long started = System.nanoTime();
        TypeBinding previous = slot.current;
        TypeBinding lastSeen = slot.lastSeen;
        slot.current = null;
        int snapshots = 0;
        if (previous != null && awaitNoRunningTurns(slot)) {
            for (Activation agent : runtime.agents()) {
                if (agent.slot == slot && agent.binding == previous) {
                    runtime.lifecycle.snapshot(agent, previous);
                    snapshots++;
                }
            }
        }
        if (next != null) {
            slot.lastSeen = next;
        }
        slot.current = next;
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started);
        if (next == null) {
            LOG.info("agent type {} removed ({}); {} agents suspended, their messages wait", slot.name,
                    previous, slot.agents.get());
            runtime.events.publish(Kind.TYPE_REMOVED, slot.name, null, Map.of("version",
                    previous == null ? "" : previous.versionString(), "agents", Long.toString(slot.agents.get())));
            return;
        }
        boolean upgrade = lastSeen != null && !lastSeen.version.equals(next.version);
        if (upgrade) {
            slot.upgrades.incrementAndGet();
            LOG.info("agent type {} upgraded {} -> {}: {} live agents re-encoded in {} µs, {} agents resume with the new code",
                    slot.name, lastSeen.versionString(), next.versionString(), snapshots, micros, slot.agents.get());
            runtime.events.publish(Kind.TYPE_UPGRADED, slot.name, null, Map.of("fromVersion", lastSeen.versionString(),
                    "toVersion", next.versionString(), "switchMicros", Long.toString(micros)));
        } else {
            LOG.info("agent type {} registered ({})", slot.name, next);
            runtime.events.publish(Kind.TYPE_REGISTERED, slot.name, null, Map.of("version", next.versionString()));
        }
        for (Activation agent : runtime.agents()) {
            if (agent.slot == slot && agent.mailboxDepth() > 0) {
                agent.schedule();
            }
        }
    }

    private boolean awaitNoRunningTurns(TypeSlot slot) {
        long deadline = System.nanoTime() + runtime.settings.upgradeDrain().toNanos();
        while (slot.runningBatches.get() > 0) {
            if (System.nanoTime() > deadline) {
                // Agents still in a turn keep their old binding and re-encode themselves when it ends.
                LOG.warn("agent type {}: turns still running after {}; agents re-encode their state lazily",
                        slot.name, runtime.settings.upgradeDrain());
                return false;
            }
            LockSupport.parkNanos(50_000);
        }
        return true;
    }
}
