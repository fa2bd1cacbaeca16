package io.phoenix.agent.testkit;

import io.phoenix.agent.api.AgentContext;
import io.phoenix.agent.api.AgentType;
import io.phoenix.agent.api.BadMessageException;
import io.phoenix.agent.api.PriorState;
import java.time.Duration;
import java.util.Map;

/** A small agent type that exercises every part of the context the testkit fakes or runs. */
class Tally implements AgentType<Tally.State, Tally.Op> {

    /** The state, schema 1. */
    record State(long count) {
    }

    /** The state written by {@link V2}, schema 2. */
    record StateV2(long count, String upgradedFrom) {
    }

    /** A message: {@code {"op":"add","by":2}}; {@code target} is another agent's id for send and ask. */
    record Op(String op, long by, String target) {

        static Op add(long by) {
            return new Op("add", by, null);
        }

        static Op of(String op) {
            return new Op(op, 0, null);
        }
    }

    static final String TYPE = "tally";

    @Override
    public String name() {
        return TYPE;
    }

    @Override
    public Class<State> stateType() {
        return State.class;
    }

    @Override
    public Class<Op> messageType() {
        return Op.class;
    }

    @Override
    public State initialState(String agentId) {
        return new State(0);
    }

    @Override
    public Object handle(AgentContext<State> ctx, Op message) {
        long count = ctx.state().count();
        switch (message.op()) {
            case "add" -> ctx.setState(new State(count + message.by()));
            case "get" -> {
                // read only
            }
            case "later" -> ctx.schedule(Duration.ofMillis(message.by()), Op.add(1));
            case "later-as-map" -> ctx.schedule(Duration.ofMillis(message.by()), Map.of("op", "add", "by", 5));
            case "every" -> ctx.scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(message.by()), Op.add(1));
            case "send" -> ctx.ref(message.target()).cast(Op.add(message.by()));
            case "ask" -> {
                return ctx.ref(message.target()).call(Op.of("get"), Long.class, Duration.ofSeconds(1));
            }
            case "spawn" -> ctx.spawn(TYPE, message.target(), new State(message.by()));
            case "quit" -> ctx.stopSelf();
            case "fail" -> {
                ctx.setState(new State(-1));
                throw new IllegalStateException("failed on purpose");
            }
            default -> throw new BadMessageException(ctx.id(), "unknown op '" + message.op() + "'");
        }
        ctx.log().debug("{} handled {}", ctx.id(), message.op());
        return ctx.state().count();
    }

    /** Version 2: state schema 2, which remembers the version it was upgraded from. */
    static final class V2 implements AgentType<StateV2, Op> {

        @Override
        public String name() {
            return TYPE;
        }

        @Override
        public Class<StateV2> stateType() {
            return StateV2.class;
        }

        @Override
        public Class<Op> messageType() {
            return Op.class;
        }

        @Override
        public int stateVersion() {
            return 2;
        }

        @Override
        public StateV2 initialState(String agentId) {
            return new StateV2(0, null);
        }

        @Override
        public StateV2 upgradeState(PriorState prior) {
            return new StateV2(prior.as(State.class).count(), prior.writtenByVersion());
        }

        @Override
        public Object handle(AgentContext<StateV2> ctx, Op message) {
            StateV2 state = ctx.state();
            if (message.op().equals("add")) {
                ctx.setState(new StateV2(state.count() + 10 * message.by(), state.upgradedFrom()));
            }
            return ctx.state().count();
        }
    }
}
