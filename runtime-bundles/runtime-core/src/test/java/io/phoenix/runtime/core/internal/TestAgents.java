package io.phoenix.runtime.core.internal;

import io.phoenix.agent.api.AgentContext;
import io.phoenix.agent.api.AgentOptions;
import io.phoenix.agent.api.AgentType;
import io.phoenix.agent.api.BadMessageException;
import io.phoenix.agent.api.PriorState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.framework.Version;

/** Agent types used by the runtime's unit tests. */
final class TestAgents {

    private TestAgents() {
    }

    record Count(long value) {
    }

    record Op(String op, long by) {
    }

    record Reply(long value) {
    }

    /** A counter: inc/get/boom (fails after changing state)/sleep. */
    static class Counter implements AgentType<Count, Op> {
        final AtomicInteger activations = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        volatile CountDownLatch gate;
        AgentOptions options = AgentOptions.defaults();

        @Override
        public String name() {
            return "counter";
        }

        @Override
        public Class<Count> stateType() {
            return Count.class;
        }

        @Override
        public Class<Op> messageType() {
            return Op.class;
        }

        @Override
        public Count initialState(String agentId) {
            return new Count(0);
        }

        @Override
        public AgentOptions options() {
            return options;
        }

        @Override
        public void onActivate(AgentContext<Count> context) {
            activations.incrementAndGet();
        }

        @Override
        public Object handle(AgentContext<Count> context, Op message) throws Exception {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                switch (message.op()) {
                    case "inc" -> context.setState(new Count(context.state().value() + message.by()));
                    case "get" -> { }
                    case "sleep" -> Thread.sleep(message.by()); // a slow turn, for latency measurements
                    case "boom" -> {
                        context.setState(new Count(-999));
                        throw new IllegalStateException("boom");
                    }
                    case "wait" -> {
                        CountDownLatch latch = gate;
                        if (latch != null && !latch.await(10, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("gate never opened");
                        }
                    }
                    case "stop" -> context.stopSelf();
                    default -> throw new BadMessageException(context.id(), "unknown op " + message.op());
                }
                return new Reply(context.state().value());
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    /** Records the order in which it receives numbers. */
    static class Recorder implements AgentType<List<Integer>, Integer> {
        @Override
        public String name() {
            return "recorder";
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Class<List<Integer>> stateType() {
            return (Class) List.class;
        }

        @Override
        public Class<Integer> messageType() {
            return Integer.class;
        }

        @Override
        public List<Integer> initialState(String agentId) {
            return List.of();
        }

        @Override
        public Object handle(AgentContext<List<Integer>> context, Integer message) {
            List<Integer> next = new ArrayList<>(context.state());
            next.add(message);
            context.setState(next);
            return next.size();
        }
    }

    record Ticks(int count) {
    }

    /** Schedules a repeating timer on activation and counts its ticks. */
    static class Ticker implements AgentType<Ticks, String> {
        @Override
        public String name() {
            return "ticker";
        }

        @Override
        public Class<Ticks> stateType() {
            return Ticks.class;
        }

        @Override
        public Class<String> messageType() {
            return String.class;
        }

        @Override
        public Ticks initialState(String agentId) {
            return new Ticks(0);
        }

        @Override
        public void onActivate(AgentContext<Ticks> context) {
            context.scheduleAtFixedRate(Duration.ofMillis(5), Duration.ofMillis(5), "tick");
        }

        @Override
        public Object handle(AgentContext<Ticks> context, String message) {
            if (message.equals("tick")) {
                context.setState(new Ticks(context.state().count() + 1));
            } else if (message.startsWith("once:")) {
                context.schedule(Duration.ofMillis(Long.parseLong(message.substring(5))), "tick");
            }
            return context.state().count();
        }
    }

    record CountV2(long value, String note) {
    }

    /** Version 2 of the counter with a new state schema, an upgrade hook and a "dec" op. */
    static class CounterV2 implements AgentType<CountV2, Op> {
        @Override
        public String name() {
            return "counter";
        }

        @Override
        public Class<CountV2> stateType() {
            return CountV2.class;
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
        public CountV2 initialState(String agentId) {
            return new CountV2(0, "fresh");
        }

        @Override
        public CountV2 upgradeState(PriorState prior) {
            Count old = prior.as(Count.class);
            return new CountV2(old.value(), "upgraded from " + prior.writtenByVersion());
        }

        @Override
        public Object handle(AgentContext<CountV2> context, Op message) {
            CountV2 state = context.state();
            long delta = switch (message.op()) {
                case "inc" -> message.by();
                case "dec" -> -message.by();
                default -> 0;
            };
            if (delta != 0) {
                context.setState(new CountV2(state.value() + delta, state.note()));
            }
            return new Reply(context.state().value());
        }
    }

    static final Version V1 = new Version(1, 0, 0);
    static final Version V2 = new Version(2, 0, 0);
}
