package io.phoenix.rest.internal.resources;

import io.phoenix.agent.api.AgentInfo;
import java.util.List;

/**
 * {@code GET /api/agents}: one page.
 *
 * @param agents the agents, in ascending id order
 * @param nextCursor pass as {@code ?cursor=} for the next page; {@code null} after the last page
 */
public record AgentListing(List<AgentInfo> agents, String nextCursor) {

    /** Copies the list. */
    public AgentListing {
        agents = List.copyOf(agents);
    }
}
