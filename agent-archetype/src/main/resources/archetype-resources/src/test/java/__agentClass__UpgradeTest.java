package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.phoenix.agent.api.AgentContext;
import io.phoenix.agent.api.AgentType;
import io.phoenix.agent.api.PriorState;
import io.phoenix.agent.testkit.AgentTestKit;
import io.phoenix.agent.testkit.AgentTestKit.Registration;
import org.junit.jupiter.api.Test;

/**
 * How to test a live upgrade: agents written by this version (1.0.0, state schema 1) are taken over by
 * a next version with a new state schema, against the state the real runtime encoded. {@link NextVersion}
 * is a sketch of that version; when you write it for real, it replaces {@link ${agentClass}Agent}, keeps
 * the schema 1 record as {@code ${agentClass}StateV1}, and this test registers a small stand-in of the
 * old version (name, state class, schema version) instead of the old agent class.
 */
class ${agentClass}UpgradeTest {

    /** Schema 2: the value and how many times it was changed. */
    record StateV2(long value, long changes) {
    }

    /** Version 2.0.0: state schema 2, converted from schema 1 on each agent's first turn after the switch. */
    static final class NextVersion implements AgentType<StateV2, ${agentClass}Message> {

        @Override
        public String name() {
            return ${agentClass}Agent.TYPE;
        }

        @Override
        public Class<StateV2> stateType() {
            return StateV2.class;
        }

        @Override
        public Class<${agentClass}Message> messageType() {
            return ${agentClass}Message.class;
        }

        @Override
        public int stateVersion() {
            return 2;
        }

        @Override
        public StateV2 initialState(String agentId) {
            return new StateV2(0, 0);
        }

        @Override
        public StateV2 upgradeState(PriorState prior) {
            if (prior.schemaVersion() != 1) {
                // The agent keeps its stored state and its callers get agent_failed until a version that
                // can read it is deployed.
                throw new IllegalStateException("cannot read state schema " + prior.schemaVersion());
            }
            return new StateV2(prior.as(${agentClass}State.class).value(), 0);
        }

        @Override
        public ${agentClass}Reply handle(AgentContext<StateV2> ctx, ${agentClass}Message message) {
            StateV2 state = ctx.state();
            if ("add".equals(message.op())) {
                state = new StateV2(state.value() + message.amount(), state.changes() + 1);
                ctx.setState(state);
            }
            return new ${agentClass}Reply(state.value());
        }
    }

    @Test
    void version2TakesOverTheStateOfVersion1() {
        try (AgentTestKit kit = new AgentTestKit()) {
            Registration v1 = kit.register(new ${agentClass}Agent(), "1.0.0");
            kit.spawn(${agentClass}Agent.TYPE, "a1");
            kit.call("a1", "{\"op\":\"add\",\"amount\":5}");

            // As when the 2.0.0 jar is copied over the 1.0.0 jar in deploy/.
            kit.upgrade(v1, new NextVersion(), "2.0.0");

            assertEquals("{\"value\":5}", kit.call("a1", "{\"op\":\"get\"}"), "the first turn converts the state");
            assertEquals("{\"value\":6}", kit.call("a1", "{\"op\":\"add\",\"amount\":1}"));
            assertEquals(new StateV2(6, 1), kit.state("a1", StateV2.class));
            assertEquals("2.0.0", kit.info("a1").typeVersion());
        }
    }
}
