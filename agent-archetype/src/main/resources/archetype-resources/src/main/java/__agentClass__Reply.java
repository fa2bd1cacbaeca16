package ${package};

/**
 * The reply to every {@code "${agentType}"} message: {@code {"value":7}}.
 *
 * @param value the value after the message
 */
public record ${agentClass}Reply(long value) {
}
