package ${package};

import io.phoenix.agent.api.AgentContext;
import io.phoenix.agent.api.AgentType;
import io.phoenix.agent.api.BadMessageException;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code "${agentType}"} agent type: a counter. In JSON, as the shell and REST send it:
 * <pre>
 * {"op":"add","amount":2}  -&gt; {"value":7}
 * {"op":"get"}             -&gt; {"value":7}
 * </pre>
 * The runtime hands an agent one message at a time; {@link #handle} returns the reply, and the state
 * set with {@link AgentContext#setState} is committed when it returns normally (discarded if it throws).
 */
@Component(service = AgentType.class)
public final class ${agentClass}Agent implements AgentType<${agentClass}State, ${agentClass}Message> {

    /** The type name: keep it across versions, a live upgrade replaces the code behind it. */
    public static final String TYPE = "${agentType}";

    @Override
    public String name() {
        return TYPE;
    }

    @Override
    public Class<${agentClass}State> stateType() {
        return ${agentClass}State.class;
    }

    @Override
    public Class<${agentClass}Message> messageType() {
        return ${agentClass}Message.class;
    }

    @Override
    public ${agentClass}State initialState(String agentId) {
        return new ${agentClass}State(0);
    }

    @Override
    public ${agentClass}Reply handle(AgentContext<${agentClass}State> ctx, ${agentClass}Message message) {
        long value = ctx.state().value();
        switch (message.op() == null ? "" : message.op()) {
            case "add" -> {
                if (message.amount() <= 0) {
                    // The caller gets this as bad_message (HTTP 400): its request is wrong, not this code.
                    throw new BadMessageException(ctx.id(), "amount must be positive, was " + message.amount());
                }
                value = Math.addExact(value, message.amount());
                ctx.setState(new ${agentClass}State(value));
            }
            case "get" -> {
                // read only: no setState, nothing to commit
            }
            default -> throw new BadMessageException(ctx.id(), "unknown op '" + message.op() + "'; expected add or get");
        }
        return new ${agentClass}Reply(value);
    }
}
