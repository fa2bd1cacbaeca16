package io.phoenix.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.phoenix.agent.api.AgentInfo;
import io.phoenix.agent.api.AgentPage;
import io.phoenix.agent.api.AgentQuery;
import io.phoenix.agent.api.AgentStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentListCommandTest extends CommandTestSupport {

    private final AgentListCommand command = wire(new AgentListCommand());

    private static AgentInfo agent(String id) {
        return new AgentInfo(id, "counter", "1.0.0", "node-1", AgentStatus.ACTIVE, 2, 40);
    }

    @Test
    void listsTheFirstPageWithTheDefaultLimit() {
        when(runtime.list(new AgentQuery(null, null, 100))).thenReturn(new AgentPage(List.of(agent("c1"), agent("c2")), null));
        execute(command);
        String[] lines = out().split("\n");
        assertEquals(4, lines.length, out());
        assertTrue(lines[0].contains("ID") && lines[0].contains("Mailbox") && lines[0].contains("Handled"), lines[0]);
        assertEquals(List.of("c1", "counter", "1.0.0", "node-1", "ACTIVE", "2", "40"), TypeListCommandTest.cells(lines[2]));
        assertEquals("", err());
    }

    @Test
    void pagesByTypeAndCursorAndPrintsTheNextCursor() {
        when(runtime.list(new AgentQuery("counter", "c2", 2))).thenReturn(new AgentPage(List.of(agent("c3"), agent("c4")), "c4"));
        command.type = "counter";
        command.after = "c2";
        command.limit = 2;
        command.noFormat = true;
        execute(command);
        assertEquals(List.of(
                List.of("c3", "counter", "1.0.0", "node-1", "ACTIVE", "2", "40"),
                List.of("c4", "counter", "1.0.0", "node-1", "ACTIVE", "2", "40"),
                List.of("Next cursor: c4 (more agents: --after c4)")), rawRows());
    }

    @Test
    void rejectsALimitOutOfRange() {
        command.limit = 0;
        execute(command);
        command.limit = 10_001;
        execute(command);
        assertEquals("Error: --limit must be between 1 and 10000, was 0\n"
                + "Error: --limit must be between 1 and 10000, was 10001\n", err());
        verify(runtime, never()).list(any());
    }

    @Test
    void saysSoWhenThereAreNoAgents() {
        when(runtime.list(any())).thenReturn(new AgentPage(List.of(), null));
        execute(command);
        assertTrue(out().contains("No agents"), out());
    }
}
