package io.phoenix.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.when;

import io.phoenix.cluster.AgentLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentWhereCommandTest extends CommandTestSupport {

    private final AgentWhereCommand command = wire(new AgentWhereCommand());

    @Test
    void printsWhereTheAgentIsPlacedAndHeld() {
        clusterUp();
        when(cluster.where("c1")).thenReturn(new AgentLocation("c1", true, "counter", "node-2", "node-2", true));
        command.id = "c1";
        command.noFormat = true;
        execute(command);
        assertEquals(List.of(
                List.of("Agent", "c1"),
                List.of("Type", "counter"),
                List.of("Placed on", "node-2"),
                List.of("Held by", "node-2"),
                List.of("Pinned", "yes")), rawRows());
        assertEquals("", err());
    }

    @Test
    void saysWhenNoNodeHoldsTheAgent() {
        clusterUp();
        when(cluster.where("c2")).thenReturn(new AgentLocation("c2", true, "counter", "node-1", null, false));
        command.id = "c2";
        execute(command);
        String[] lines = out().split("\n");
        assertEquals(7, lines.length, out());
        assertEquals(List.of("Held by", "none (not active, or moving)"), TypeListCommandTest.cells(lines[5]));
        assertEquals(List.of("Pinned", "no"), TypeListCommandTest.cells(lines[6]));
    }

    @Test
    void reportsAnUnknownAgent() {
        clusterUp();
        when(cluster.where("x")).thenReturn(new AgentLocation("x", false, null, "node-1", null, false));
        command.id = "x";
        execute(command);
        assertEquals("", out());
        assertEquals("Error: agent 'x' not found (agent_not_found)\n", err());
    }

    @Test
    void saysSoWhenThisNodeIsNotPartOfACluster() {
        command.id = "c1";
        execute(command);
        assertEquals("", out());
        assertEquals(notInCluster(), err());
    }
}
