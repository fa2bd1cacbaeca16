package io.phoenix.dashboard.internal;

import io.phoenix.runtime.management.RuntimeEvent;
import io.phoenix.runtime.management.RuntimeEvent.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The dashboard's recent events, in memory and bounded. Two rings, so that a burst of agent spawns and stops cannot
 * push the rarer cluster and type events (joins, leaves, migrations, upgrades, restarts) out of view. Activations
 * and passivations are not kept: they are too frequent to be news. Neither are the replication events: a clustered
 * node publishes a STATE_REPLICATED summary every second while it writes state, and up to ten
 * STATE_REPLICATION_FAILED a second while its writes fail — either would flood the list. Only the latest summary
 * is kept, for the page's replication rate (which includes the failures).
 */
final class EventRing {

    static final Set<Kind> NOTABLE = EnumSet.of(Kind.TYPE_REGISTERED, Kind.TYPE_REMOVED, Kind.TYPE_UPGRADED,
            Kind.AGENT_MIGRATED, Kind.AGENT_RESTARTED, Kind.NODE_JOINED, Kind.NODE_LEFT, Kind.PARTITION_DETECTED);
    static final Set<Kind> AGENT = EnumSet.of(Kind.AGENT_SPAWNED, Kind.AGENT_STOPPED);

    private final int capacity;
    private final Deque<RuntimeEvent> notable = new ArrayDeque<>();
    private final Deque<RuntimeEvent> agents = new ArrayDeque<>();
    private RuntimeEvent lastReplication;

    EventRing(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    synchronized void add(RuntimeEvent event) {
        if (event.kind() == Kind.STATE_REPLICATED) {
            lastReplication = event;
            return;
        }
        Deque<RuntimeEvent> ring = NOTABLE.contains(event.kind()) ? notable
                : AGENT.contains(event.kind()) ? agents : null;
        if (ring == null) {
            return;
        }
        if (ring.size() == capacity) {
            ring.removeFirst();
        }
        ring.addLast(event);
    }

    /** @return the latest STATE_REPLICATED summary, or null if none arrived since the bundle started */
    synchronized RuntimeEvent lastReplication() {
        return lastReplication;
    }

    /** @return at most {@code limit} of the kept events, newest first */
    synchronized List<RuntimeEvent> recent(int limit) {
        List<RuntimeEvent> all = new ArrayList<>(notable.size() + agents.size());
        all.addAll(notable);
        all.addAll(agents);
        all.sort(Comparator.comparing(RuntimeEvent::timestamp).reversed());
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }
}
