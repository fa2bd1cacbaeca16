package io.phoenix.itests.throwing;

import io.phoenix.agent.api.AgentContext;
import io.phoenix.agent.api.AgentType;

/**
 * An agent type whose every turn throws: calls to its agents must fail with AgentFailedException while the
 * rest of the node carries on. Deployed by the broken-bundle test in a bundle it generates.
 */
public final class ThrowingAgentType implements AgentType<ItestState, Object> {

    /** The type name. */
    public static final String TYPE = "itest-throwing";

    @Override
    public String name() {
        return TYPE;
    }

    @Override
    public Class<ItestState> stateType() {
        return ItestState.class;
    }

    @Override
    public Class<Object> messageType() {
        return Object.class;
    }

    @Override
    public ItestState initialState(String agentId) {
        return new ItestState(0);
    }

    @Override
    public Object handle(AgentContext<ItestState> context, Object message) {
        throw new IllegalStateException("itest: this agent type fails every message");
    }
}
