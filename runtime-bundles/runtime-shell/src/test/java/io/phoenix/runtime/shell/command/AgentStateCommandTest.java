package io.phoenix.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.when;

import io.phoenix.agent.api.AgentNotFoundException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AgentStateCommandTest extends CommandTestSupport {

    private final AgentStateCommand command = wire(new AgentStateCommand());

    @Test
    void printsTheStateJson() {
        when(runtime.stateJson("c1")).thenReturn(CompletableFuture.completedFuture("{\"value\":7}"));
        command.id = "c1";
        execute(command);
        assertEquals("{\"value\":7}\n", out());
        assertEquals("", err());
    }

    @Test
    void reportsAnUnknownAgent() {
        when(runtime.stateJson("x")).thenReturn(
                CompletableFuture.failedFuture(new AgentNotFoundException("x", "agent 'x' not found")));
        command.id = "x";
        execute(command);
        assertEquals("", out());
        assertEquals("Error: agent 'x' not found (agent_not_found)\n", err());
    }
}
