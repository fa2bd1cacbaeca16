package io.phoenix.example.counter;

import io.phoenix.agent.api.AgentContext;
import io.phoenix.agent.api.AgentOptions;
import io.phoenix.agent.api.AgentType;
import io.phoenix.agent.api.BadMessageException;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code "counter"} agent type, version 1: a counter that can be incremented, read and reset.
 *
 * <p>Messages and replies:
 * <pre>
 * {"op":"inc","by":2}  -&gt; {"value":7}     ("by" defaults to 1, must be positive)
 * {"op":"get"}         -&gt; {"value":7}
 * {"op":"reset"}       -&gt; {"value":0}
 * </pre>
 * Any other operation fails the call with a {@link BadMessageException}. Counters are virtual
 * agents: a message sent through {@code AgentRuntime.ref("counter", id)} creates the counter if it
 * does not exist yet.
 *
 * <p>Version 2 of this bundle (same symbolic name, {@code counter-v2} in the source tree) adds
 * {@code dec} and a richer state, and shows a live upgrade of running counters.
 */
@Component(service = AgentType.class)
public final class CounterAgent implements AgentType<CounterState, CounterMessage> {

    /** The type name. */
    public static final String TYPE = "counter";

    /** The state schema version of {@link CounterState}. */
    public static final int STATE_VERSION = 1;

    @Override
    public String name() {
        return TYPE;
    }

    @Override
    public Class<CounterState> stateType() {
        return CounterState.class;
    }

    @Override
    public Class<CounterMessage> messageType() {
        return CounterMessage.class;
    }

    @Override
    public int stateVersion() {
        return STATE_VERSION;
    }

    @Override
    public CounterState initialState(String agentId) {
        return new CounterState(0);
    }

    @Override
    public AgentOptions options() {
        return AgentOptions.defaults().withActivateOnMessage(true);
    }

    @Override
    public Object handle(AgentContext<CounterState> ctx, CounterMessage message) {
        String op = message.op();
        if (op == null) {
            throw new BadMessageException(ctx.id(), "counter message has no \"op\"; expected inc, get or reset");
        }
        long value = ctx.state().value();
        switch (op) {
            case "inc" -> {
                long by = message.by() == null ? 1 : message.by();
                if (by < 1) {
                    throw new BadMessageException(ctx.id(), "counter \"by\" must be positive, was " + by);
                }
                try {
                    value = Math.addExact(value, by);
                } catch (ArithmeticException e) {
                    throw new BadMessageException(ctx.id(), "counter would overflow: " + value + " + " + by);
                }
                ctx.setState(new CounterState(value));
            }
            case "get" -> {
                // read only
            }
            case "reset" -> {
                value = 0;
                ctx.setState(new CounterState(0));
            }
            default -> throw new BadMessageException(ctx.id(),
                    "unknown counter op '" + op + "'; expected inc, get or reset");
        }
        return new CounterReply(value);
    }
}
