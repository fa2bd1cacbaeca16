package io.phoenix.itests.throwing;

import io.phoenix.agent.api.AgentContext;
import io.phoenix.agent.api.AgentType;

/**
 * A DS component offering an agent type that cannot even be created: its constructor throws when the runtime
 * first asks for the service. The runtime must shrug this off. Deployed by the broken-bundle test.
 */
public final class FailingAgentType implements AgentType<ItestState, Object> {

    /** The name it would have. */
    public static final String TYPE = "itest-failing";

    /** Always throws. */
    public FailingAgentType() {
        throw new IllegalStateException("itest: this agent type cannot be created");
    }

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
        return null;
    }
}
