package io.phoenix.agent.api;

/**
 * A page request for {@link AgentRuntime#list(AgentQuery)}. Agents are listed in ascending id order.
 *
 * @param type only agents of this type, or {@code null} for all
 * @param afterId only agents whose id sorts after this one (the previous page's
 *     {@link AgentPage#nextCursor()}), or {@code null} from the start
 * @param limit the most agents to return, 1 to 10,000
 */
public record AgentQuery(String type, String afterId, int limit) {

    /** The largest page size. */
    public static final int MAX_LIMIT = 10_000;

    /**
     * Validates the query.
     *
     * @throws IllegalArgumentException if {@code limit} is out of range
     */
    public AgentQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /**
     * @param limit the most agents to return
     * @return the first page of all agents
     */
    public static AgentQuery first(int limit) {
        return new AgentQuery(null, null, limit);
    }
}
