package io.phoenix.bench;

import io.phoenix.agent.api.AgentContext;
import io.phoenix.agent.api.AgentOptions;
import io.phoenix.agent.api.AgentType;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** The agent types the benchmarks drive: a counter, and a relay that calls another agent. */
final class BenchAgents {

    private BenchAgents() {
    }

    /** Counter state: one long, as small as a real agent's state gets. */
    record Count(long value) {
    }

    /** Counts messages into its state and into a shared adder the benchmark waits on. */
    static final class Counter implements AgentType<Count, Object> {
        final LongAdder handled = new LongAdder();

        @Override
        public String name() {
            return "bench-counter";
        }

        @Override
        public Class<Count> stateType() {
            return Count.class;
        }

        @Override
        public Class<Object> messageType() {
            return Object.class;
        }

        @Override
        public Count initialState(String agentId) {
            return new Count(0);
        }

        @Override
        public AgentOptions options() {
            return AgentOptions.defaults().withMailboxCapacity(1_000_000).withPassivateAfter(Duration.ZERO);
        }

        @Override
        public Object handle(AgentContext<Count> context, Object message) {
            Count next = new Count(context.state().value() + 1);
            context.setState(next);
            handled.increment();
            return next;
        }
    }

    /** Forwards each request as a call to the agent named in it and replies with that agent's reply. */
    static final class Relay implements AgentType<Count, String> {
        @Override
        public String name() {
            return "bench-relay";
        }

        @Override
        public Class<Count> stateType() {
            return Count.class;
        }

        @Override
        public Class<String> messageType() {
            return String.class;
        }

        @Override
        public Count initialState(String agentId) {
            return new Count(0);
        }

        @Override
        public Object handle(AgentContext<Count> context, String targetId) {
            return context.call(targetId, "ping", Duration.ofSeconds(5));
        }
    }
}
