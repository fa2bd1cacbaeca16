package io.phoenix.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.phoenix.agent.api.AgentAlreadyExistsException;
import io.phoenix.agent.api.AgentRef;
import io.phoenix.agent.api.BadMessageException;
import io.phoenix.agent.api.TypeNotAvailableException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AgentSpawnCommandTest extends CommandTestSupport {

    private final AgentSpawnCommand command = wire(new AgentSpawnCommand());

    private void args(String type, String id, String state) {
        command.type = type;
        command.id = id;
        command.state = state;
    }

    @Test
    void spawnsWithTheTypesInitialState() {
        AgentRef ref = mock(AgentRef.class);
        when(runtime.spawnJson("counter", "c1", null)).thenReturn(CompletableFuture.completedFuture(ref));
        args("counter", "c1", null);
        execute(command);
        assertEquals("Spawned counter c1\n", out());
        assertEquals("", err());
    }

    @Test
    void passesTheInitialStateJson() {
        AgentRef ref = mock(AgentRef.class);
        when(runtime.spawnJson("counter", "c2", "{\"value\":7}")).thenReturn(CompletableFuture.completedFuture(ref));
        args("counter", "c2", "{\"value\":7}");
        execute(command);
        verify(runtime).spawnJson("counter", "c2", "{\"value\":7}");
        assertEquals("Spawned counter c2\n", out());
    }

    @Test
    void reportsAnExistingAgent() {
        when(runtime.spawnJson("counter", "c1", null)).thenReturn(
                CompletableFuture.failedFuture(new AgentAlreadyExistsException("c1", "agent 'c1' already exists")));
        args("counter", "c1", null);
        execute(command);
        assertEquals("", out());
        assertEquals("Error: agent 'c1' already exists (agent_exists)\n", err());
    }

    @Test
    void reportsAnUnavailableTypeAndMalformedState() {
        when(runtime.spawnJson("nope", "n1", null)).thenReturn(
                CompletableFuture.failedFuture(new TypeNotAvailableException("n1", "agent type 'nope' is not available")));
        args("nope", "n1", null);
        execute(command);
        when(runtime.spawnJson("counter", "c3", "{oops")).thenReturn(
                CompletableFuture.failedFuture(new BadMessageException("c3", "malformed JSON state")));
        args("counter", "c3", "{oops");
        execute(command);
        assertEquals("Error: agent type 'nope' is not available (type_not_available)\n"
                + "Error: malformed JSON state (bad_message)\n", err());
    }
}
