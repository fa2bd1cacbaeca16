package io.phoenix.agent.api;

import java.util.List;

/**
 * One page of agents.
 *
 * @param agents the agents, in ascending id order
 * @param nextCursor the value to pass as {@link AgentQuery#afterId()} for the next page, or
 *     {@code null} if this is the last page
 */
public record AgentPage(List<AgentInfo> agents, String nextCursor) {

    /** Copies the list so the page is immutable. */
    public AgentPage {
        agents = List.copyOf(agents);
    }
}
