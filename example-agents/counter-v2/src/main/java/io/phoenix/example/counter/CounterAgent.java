package io.phoenix.example.counter;

import io.phoenix.agent.api.AgentContext;
import io.phoenix.agent.api.AgentOptions;
import io.phoenix.agent.api.AgentType;
import io.phoenix.agent.api.BadMessageException;
import io.phoenix.agent.api.PriorState;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code "counter"} agent type, version 2: adds {@code dec} and a state (schema 2) that counts
 * operations. Deployed over version 1, it takes over running counters with their values.
 *
 * <p>Messages and replies (version 1's messages keep working):
 * <pre>
 * {"op":"inc","by":2}  -&gt; {"value":7,"version":2}    ("by" defaults to 1, must be positive)
 * {"op":"dec","by":1}  -&gt; {"value":6,"version":2}    (the value may go below zero)
 * {"op":"get"}         -&gt; {"value":6,"version":2}
 * {"op":"reset"}       -&gt; {"value":0,"version":2}    (also clears the operation counts)
 * </pre>
 * Any other operation fails the call with a {@link BadMessageException}.
 */
@Component(service = AgentType.class)
public final class CounterAgent implements AgentType<CounterState, CounterMessage> {

    /** The type name, unchanged from version 1. */
    public static final String TYPE = "counter";

    /** The state schema version of {@link CounterState}; version 1 wrote {@link CounterStateV1}. */
    public static final int STATE_VERSION = 2;

    /** The {@code version} every reply carries. */
    public static final int REPLY_VERSION = 2;

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
        return new CounterState(0, 0, 0, null);
    }

    @Override
    public AgentOptions options() {
        return AgentOptions.defaults().withActivateOnMessage(true);
    }

    /**
     * Converts schema 1 state: the value is kept, the operation counts start at zero, and
     * {@code upgradedFrom} records the version that wrote it.
     *
     * @param prior the encoded prior state
     * @return the schema 2 state
     * @throws IllegalStateException if the prior state has a schema this version does not know, e.g.
     *     one written by a later version (downgrades are not supported)
     */
    @Override
    public CounterState upgradeState(PriorState prior) {
        if (prior.schemaVersion() != 1) {
            throw new IllegalStateException("cannot convert counter state schema " + prior.schemaVersion()
                    + " (written by " + prior.writtenByVersion() + ") to schema " + STATE_VERSION);
        }
        CounterStateV1 old = prior.as(CounterStateV1.class);
        return new CounterState(old.value(), 0, 0, prior.writtenByVersion());
    }

    @Override
    public Object handle(AgentContext<CounterState> ctx, CounterMessage message) {
        String op = message.op();
        if (op == null) {
            throw new BadMessageException(ctx.id(), "counter message has no \"op\"; expected inc, dec, get or reset");
        }
        CounterState state = ctx.state();
        switch (op) {
            case "inc" -> state = state.incremented(apply(ctx, state.value(), amount(ctx, message), true));
            case "dec" -> state = state.decremented(apply(ctx, state.value(), amount(ctx, message), false));
            case "get" -> {
                return CounterReply.of(state.value());
            }
            case "reset" -> state = new CounterState(0, 0, 0, state.upgradedFrom());
            default -> throw new BadMessageException(ctx.id(),
                    "unknown counter op '" + op + "'; expected inc, dec, get or reset");
        }
        ctx.setState(state);
        return CounterReply.of(state.value());
    }

    private static long amount(AgentContext<?> ctx, CounterMessage message) {
        long by = message.by() == null ? 1 : message.by();
        if (by < 1) {
            throw new BadMessageException(ctx.id(), "counter \"by\" must be positive, was " + by);
        }
        return by;
    }

    private static long apply(AgentContext<?> ctx, long value, long by, boolean add) {
        try {
            return add ? Math.addExact(value, by) : Math.subtractExact(value, by);
        } catch (ArithmeticException e) {
            throw new BadMessageException(ctx.id(), "counter would overflow: " + value + (add ? " + " : " - ") + by);
        }
    }
}
