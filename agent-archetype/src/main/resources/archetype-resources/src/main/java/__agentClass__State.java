package ${package};

/**
 * The state of one {@code "${agentType}"} agent, schema version 1 (see {@code AgentType.stateVersion()}).
 * The runtime keeps it as JSON ({@code {"value":7}}): keep it an immutable record of plain values.
 *
 * @param value the current value
 */
public record ${agentClass}State(long value) {
}
