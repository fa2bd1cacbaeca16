package ${package};

/**
 * A message to a {@code "${agentType}"} agent: {@code {"op":"add","amount":2}} or {@code {"op":"get"}}.
 *
 * @param op {@code add} or {@code get}
 * @param amount for {@code add}, what to add (positive)
 */
public record ${agentClass}Message(String op, long amount) {
}
