package io.phoenix.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.when;

import io.phoenix.agent.api.AgentNotFoundException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AgentStopCommandTest extends CommandTestSupport {

    private final AgentStopCommand command = wire(new AgentStopCommand());

    @Test
    void stops() {
        when(runtime.stop("c1")).thenReturn(CompletableFuture.completedFuture(null));
        command.id = "c1";
        execute(command);
        assertEquals("Stopped c1\n", out());
        assertEquals("", err());
    }

    @Test
    void reportsAnUnknownAgent() {
        when(runtime.stop("x")).thenReturn(
                CompletableFuture.failedFuture(new AgentNotFoundException("x", "agent 'x' not found")));
        command.id = "x";
        execute(command);
        assertEquals("", out());
        assertEquals("Error: agent 'x' not found (agent_not_found)\n", err());
    }
}
