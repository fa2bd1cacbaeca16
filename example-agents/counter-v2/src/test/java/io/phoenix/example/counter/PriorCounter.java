package io.phoenix.example.counter;

import io.phoenix.agent.api.AgentContext;
import io.phoenix.agent.api.AgentType;

/**
 * The "counter" type as another version of the bundle registers it, reduced to what an upgrade test
 * needs: its state class and schema version. Its agents keep the state they were spawned with, which
 * the runtime encodes when this version is removed, exactly as it encodes a real version's state.
 *
 * @param stateType the state class of that version
 * @param stateVersion the state schema version of that version
 * @param initial the state its agents are spawned with
 * @param <S> the state type
 */
record PriorCounter<S>(Class<S> stateType, int stateVersion, S initial) implements AgentType<S, CounterMessage> {

    /** The state shape version 1 writes: {@code {"value":7}}. */
    record V1State(long value) {
    }

    @Override
    public String name() {
        return CounterAgent.TYPE;
    }

    @Override
    public Class<CounterMessage> messageType() {
        return CounterMessage.class;
    }

    @Override
    public S initialState(String agentId) {
        return initial;
    }

    @Override
    public Object handle(AgentContext<S> ctx, CounterMessage message) {
        return null;
    }
}
