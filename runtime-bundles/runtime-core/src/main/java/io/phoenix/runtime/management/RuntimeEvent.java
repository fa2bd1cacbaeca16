package io.phoenix.runtime.management;

import java.time.Instant;
import java.util.Map;

/**
 * A lifecycle event of the runtime, delivered to every {@link RuntimeEventListener}.
 *
 * @param kind what happened
 * @param timestamp when it happened
 * @param nodeId the node it happened on
 * @param agentType the agent type concerned, or {@code null}
 * @param agentId the agent concerned, or {@code null}
 * @param attributes further details, e.g. {@code fromVersion}/{@code toVersion} of an upgrade,
 *     {@code durationMicros}, {@code error}
 */
public record RuntimeEvent(Kind kind, Instant timestamp, String nodeId, String agentType, String agentId,
                           Map<String, String> attributes) {

    /** Copies the attributes so the event is immutable. */
    public RuntimeEvent {
        attributes = Map.copyOf(attributes);
    }

    /** The kinds of runtime events. */
    public enum Kind {
        /** An agent type became available (first registration, or return after removal). */
        TYPE_REGISTERED,
        /** An agent type's registration went away; its agents are suspended. */
        TYPE_REMOVED,
        /** A type's implementation changed version while agents were live; they now run the new one. */
        TYPE_UPGRADED,
        /** An agent was spawned. */
        AGENT_SPAWNED,
        /**
         * An agent was activated (spawn, re-activation after passivation, failover or hand-off, or after an
         * upgrade): attribute {@code reason}, and {@code durationMicros} (loading and decoding its state plus
         * onActivate) when its state was rebuilt.
         */
        AGENT_STARTED,
        /** An agent was passivated while idle; its state is kept encoded. */
        AGENT_PASSIVATED,
        /** An agent's turn failed and it was restarted from its last committed state. */
        AGENT_RESTARTED,
        /** An agent was stopped and removed. */
        AGENT_STOPPED,
        /** An agent left this node for another one (rebalancing after a join, or migration). */
        AGENT_MIGRATED,
        /** A node joined the cluster. */
        NODE_JOINED,
        /** A node left the cluster or failed. */
        NODE_LEFT,
        /** This node lost contact with the cluster (network partition or a long pause). */
        PARTITION_DETECTED,
        /**
         * Summary of the committed state changes a replicating store (one that persists every commit, i.e. the
         * cluster's) confirmed or failed since the previous summary. Published at most once per second per node,
         * and only for a second in which something was written; never on a node without a replicated store. No
         * agent type or id; attributes {@code commits} (writes confirmed), {@code failures} (writes failed),
         * {@code maxMillis} (slowest confirmation, from issuing the write, decimal with microsecond precision) and
         * {@code periodMillis} (the time the summary covers).
         *
         * @since 1.3
         */
        STATE_REPLICATED,
        /**
         * A committed state change of an agent could not be written to the replicating store (after a turn, its
         * caller is told the update may or may not persist and the agent reloads its state from the store).
         * Rate-limited to ten per second per node; every failure is counted in the next {@link #STATE_REPLICATED}. Attributes {@code error} and
         * {@code millis} (from issuing the write to its failure).
         *
         * @since 1.3
         */
        STATE_REPLICATION_FAILED
    }
}
