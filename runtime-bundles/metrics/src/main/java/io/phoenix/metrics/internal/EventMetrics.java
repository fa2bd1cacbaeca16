package io.phoenix.metrics.internal;

import io.phoenix.runtime.management.RuntimeEvent;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns runtime events into counters and the agent startup histogram. The events arrive in order on the runtime's
 * one event thread; the methods are still synchronized because tests and a re-bound listener may call from others.
 *
 * <p>Startup time: the runtime's AGENT_STARTED event carries no duration yet, so for spawned agents it is measured
 * from the AGENT_SPAWNED event to the AGENT_STARTED event (reason {@code spawned}) of the same agent — the time from
 * the spawn being accepted to the agent having run onActivate. A {@code durationMicros} attribute on AGENT_STARTED,
 * when the runtime adds one, is used instead, also for re-activations.
 */
final class EventMetrics {

    /** Spawned agents whose start is still awaited; bounded so a lost start event never grows it. */
    static final int MAX_PENDING_STARTS = 10_000;
    /** A start later than this after its spawn is not a startup measurement any more (e.g. a type went away). */
    static final Duration MAX_STARTUP = Duration.ofMinutes(5);

    private final Counter spawned;
    private final Counter started;
    private final Counter passivated;
    private final Counter restarted;
    private final Counter stopped;
    private final Counter migrations;
    private final Counter typeChanges;
    private final Counter membership;
    private final Histogram startup;
    private final Map<String, Instant> pendingStarts = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_PENDING_STARTS;
        }
    };

    EventMetrics(PrometheusRegistry registry) {
        spawned = counter(registry, "phoenix_agents_spawned", "Agents spawned on this node", "node", "type");
        started = counter(registry, "phoenix_agents_started",
                "Agent activations on this node (reason: spawned, reactivated, resumed, upgraded)",
                "node", "type", "reason");
        passivated = counter(registry, "phoenix_agents_passivated",
                "Idle agents passivated (state kept encoded)", "node", "type");
        restarted = counter(registry, "phoenix_agents_restarted",
                "Agents restarted from their last committed state after a failed turn", "node", "type");
        stopped = counter(registry, "phoenix_agents_stopped", "Agents stopped and removed", "node", "type");
        migrations = counter(registry, "phoenix_agents_migrations",
                "Agents that moved between nodes (direction in: taken over by this node, out: handed off by it)",
                "node", "type", "direction");
        typeChanges = counter(registry, "phoenix_agent_type_changes",
                "Agent type registrations, removals and live upgrades on this node (change: registered, removed,"
                        + " upgraded)", "node", "type", "change");
        membership = counter(registry, "phoenix_cluster_membership_events",
                "Cluster membership changes seen by this node (event: joined, left, partition)", "node", "event");
        startup = (Histogram) Histogram.builder()
                .name("phoenix_agent_startup_seconds")
                .help("Time from an agent's spawn to its activation (onActivate done) on this node")
                .unit(Unit.SECONDS)
                .labelNames("node", "type")
                .classicOnly()
                .classicUpperBounds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
                .withoutExemplars()
                .register(registry);
    }

    private static Counter counter(PrometheusRegistry registry, String name, String help, String... labels) {
        return (Counter) Counter.builder().name(name).help(help).labelNames(labels)
                .withoutExemplars().register(registry);
    }

    /** Records one runtime event. */
    synchronized void onEvent(RuntimeEvent event) {
        String node = event.nodeId() == null ? "" : event.nodeId();
        String type = event.agentType() == null ? "" : event.agentType();
        Map<String, String> attributes = event.attributes();
        switch (event.kind()) {
            case AGENT_SPAWNED -> {
                spawned.labelValues(node, type).inc();
                if (event.agentId() != null) {
                    pendingStarts.put(event.agentId(), event.timestamp());
                }
            }
            case AGENT_STARTED -> {
                String reason = attributes.getOrDefault("reason", "unknown");
                started.labelValues(node, type, reason).inc();
                observeStartup(event, node, type, reason);
            }
            case AGENT_PASSIVATED -> passivated.labelValues(node, type).inc();
            case AGENT_RESTARTED -> restarted.labelValues(node, type).inc();
            case AGENT_STOPPED -> {
                stopped.labelValues(node, type).inc();
                pendingStarts.remove(event.agentId());
            }
            case AGENT_MIGRATED -> {
                // The node that takes an agent over reports from+to; the one that hands it off reports only from.
                migrations.labelValues(node, type, attributes.containsKey("to") ? "in" : "out").inc();
                pendingStarts.remove(event.agentId());
            }
            case TYPE_REGISTERED -> typeChanges.labelValues(node, type, "registered").inc();
            case TYPE_REMOVED -> typeChanges.labelValues(node, type, "removed").inc();
            case TYPE_UPGRADED -> typeChanges.labelValues(node, type, "upgraded").inc();
            case NODE_JOINED -> membership.labelValues(node, "joined").inc();
            case NODE_LEFT -> membership.labelValues(node, "left").inc();
            case PARTITION_DETECTED -> membership.labelValues(node, "partition").inc();
            case STATE_REPLICATED, STATE_REPLICATION_FAILED -> {
                // Counted per write by ReplicationMetrics (the runtime observes every write); counting these
                // summaries and rate-limited failures as well would count each write twice.
            }
            default -> {
                // a kind added to the API later: not measured until mapped here
            }
        }
    }

    private void observeStartup(RuntimeEvent event, String node, String type, String reason) {
        Instant spawnedAt = event.agentId() == null ? null : pendingStarts.remove(event.agentId());
        String micros = event.attributes().get("durationMicros");
        if (micros != null) {
            try {
                startup.labelValues(node, type).observe(Long.parseLong(micros) / 1e6);
                return;
            } catch (NumberFormatException ignored) {
                // fall through to the spawn-to-start measurement
            }
        }
        if (spawnedAt != null && "spawned".equals(reason)) {
            Duration took = Duration.between(spawnedAt, event.timestamp());
            if (!took.isNegative() && took.compareTo(MAX_STARTUP) <= 0) {
                startup.labelValues(node, type).observe(took.toNanos() / 1e9);
            }
        }
    }

    /** @return spawned agents whose start is still awaited (for tests) */
    synchronized int pendingStarts() {
        return pendingStarts.size();
    }
}
