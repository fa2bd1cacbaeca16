package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.phoenix.agent.api.BadMessageException;
import io.phoenix.agent.testkit.AgentTestKit;
import io.phoenix.agent.testkit.TestAgentContext;
import org.junit.jupiter.api.Test;

class ${agentClass}AgentTest {

    private final ${agentClass}Agent agent = new ${agentClass}Agent();
    /** One agent's context without a runtime: it records the state set and what the turn sent. */
    private final TestAgentContext<${agentClass}State> ctx = TestAgentContext.forType(agent, "a1");

    @Test
    void addChangesTheStateAndReplies() {
        assertEquals(new ${agentClass}Reply(2), agent.handle(ctx, new ${agentClass}Message("add", 2)));
        assertEquals(new ${agentClass}Reply(5), agent.handle(ctx, new ${agentClass}Message("add", 3)));
        assertEquals(new ${agentClass}State(5), ctx.state());
    }

    @Test
    void getLeavesTheStateAlone() {
        ctx.withState(new ${agentClass}State(7));
        assertEquals(new ${agentClass}Reply(7), agent.handle(ctx, new ${agentClass}Message("get", 0)));
        assertFalse(ctx.stateChanged());
    }

    @Test
    void aBadMessageIsRefusedWithoutTouchingTheState() {
        BadMessageException e = assertThrows(BadMessageException.class,
                () -> agent.handle(ctx, new ${agentClass}Message("add", -1)));
        assertEquals("bad_message", e.code());
        assertFalse(ctx.stateChanged());
    }

    /** The real runtime in-process: spawn, JSON in and out as the shell and REST send it, errors. */
    @Test
    void runsInTheRuntime() {
        try (AgentTestKit kit = new AgentTestKit()) {
            kit.register(agent);
            kit.spawn(${agentClass}Agent.TYPE, "a1");

            assertEquals("{\"value\":4}", kit.call("a1", "{\"op\":\"add\",\"amount\":4}"));
            assertEquals("{\"value\":4}", kit.stateJson("a1"));
            BadMessageException e = assertThrows(BadMessageException.class, () -> kit.call("a1", "{\"op\":\"mul\"}"));
            assertEquals("unknown op 'mul'; expected add or get", e.getMessage());
            assertEquals("{\"value\":4}", kit.stateJson("a1"));
        }
    }
}
