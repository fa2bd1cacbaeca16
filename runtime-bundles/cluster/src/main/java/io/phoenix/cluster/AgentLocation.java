package io.phoenix.cluster;

/**
 * Where an agent lives.
 *
 * @param agentId the agent's id
 * @param exists whether the agent exists
 * @param agentType its type, or {@code null}
 * @param placedOn the node placement puts it on
 * @param heldBy the node holding its activation now, or {@code null} if none does (passivated
 *     nowhere, or being moved)
 * @param pinned whether it is pinned to {@code placedOn} by a migration rather than placed by affinity
 */
public record AgentLocation(String agentId, boolean exists, String agentType, String placedOn, String heldBy,
                            boolean pinned) {
}
