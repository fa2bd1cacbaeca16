package io.phoenix.runtime.core.internal;

import io.phoenix.agent.api.AgentInfo;
import io.phoenix.agent.api.AgentPage;
import io.phoenix.agent.api.AgentQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The node-local table of agents: the hot-path lookup by id. Paged listing scans it and keeps only
 * the page in a bounded heap, so a page costs O(n log limit) time and O(limit) memory, with no sorted
 * index (and its per-agent memory) to maintain on every spawn.
 */
final class AgentTable {

    private final ConcurrentHashMap<String, Activation> byId = new ConcurrentHashMap<>();

    Activation get(String agentId) {
        return agentId == null ? null : byId.get(agentId);
    }

    boolean add(Activation agent) {
        return byId.putIfAbsent(agent.id, agent) == null;
    }

    boolean remove(Activation agent) {
        return byId.remove(agent.id, agent);
    }

    Collection<Activation> all() {
        return byId.values();
    }

    int size() {
        return byId.size();
    }

    AgentPage page(AgentQuery query, Function<Activation, AgentInfo> describe) {
        int limit = query.limit();
        // Max-heap of the smallest ids seen so far; one extra tells whether another page exists.
        PriorityQueue<Activation> smallest = new PriorityQueue<>(limit + 2,
                Comparator.comparing((Activation agent) -> agent.id).reversed());
        for (Activation agent : byId.values()) {
            if (query.type() != null && !query.type().equals(agent.slot.name)) {
                continue;
            }
            if (query.afterId() != null && agent.id.compareTo(query.afterId()) <= 0) {
                continue;
            }
            if (smallest.size() <= limit) {
                smallest.add(agent);
            } else if (agent.id.compareTo(smallest.peek().id) < 0) {
                smallest.poll();
                smallest.add(agent);
            }
        }
        boolean more = smallest.size() > limit;
        if (more) {
            smallest.poll();
        }
        List<Activation> page = new ArrayList<>(smallest);
        page.sort(Comparator.comparing(agent -> agent.id));
        List<AgentInfo> infos = new ArrayList<>(page.size());
        for (Activation agent : page) {
            infos.add(describe.apply(agent));
        }
        String next = more && !page.isEmpty() ? page.get(page.size() - 1).id : null;
        return new AgentPage(infos, next);
    }
}
