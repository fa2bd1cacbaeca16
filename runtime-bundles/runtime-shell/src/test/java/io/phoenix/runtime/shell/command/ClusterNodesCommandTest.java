package io.phoenix.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.phoenix.cluster.NodeInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterNodesCommandTest extends CommandTestSupport {

    private static final long MB = 1024 * 1024;

    private final ClusterNodesCommand command = wire(new ClusterNodesCommand());

    @Test
    void printsOneRowPerNodeWithTheLocalOneMarked() {
        clusterUp();
        when(cluster.nodes()).thenReturn(List.of(
                new NodeInfo("node-1", "127.0.0.1:47500", true, 1200, 0.125, 300 * MB, 1024 * MB, "up"),
                new NodeInfo("node-2", "127.0.0.1:47501", false, 950, 0.5, 990 * MB, 1024 * MB, "overloaded",
                        java.util.Map.of("zone", "eu-1", "role", "gpu"))));
        execute(command);
        String[] lines = out().split("\n");
        assertEquals(4, lines.length, out());
        assertTrue(lines[0].contains("Address") && lines[0].contains("CPU %") && lines[0].contains("Heap used/max (MB)")
                && lines[0].contains("Health") && lines[0].contains("Attributes"), lines[0]);
        assertEquals(List.of("node-1", "127.0.0.1:47500", "*", "1200", "12.5", "300/1024", "up"),
                TypeListCommandTest.cells(lines[2]));
        assertEquals(List.of("node-2", "127.0.0.1:47501", "", "950", "50.0", "990/1024", "overloaded",
                "role=gpu,zone=eu-1"),
                TypeListCommandTest.cells(lines[3]));
        assertEquals("", err());
    }

    @Test
    void printsRawRowsWithNoFormatAndADashForWhatANodeDidNotReport() {
        clusterUp();
        when(cluster.nodes()).thenReturn(List.of(
                new NodeInfo("node-3", "10.0.0.3:47500", false, -1, -1, 0, -1, "unreachable")));
        command.noFormat = true;
        execute(command);
        assertEquals(List.of(List.of("node-3", "10.0.0.3:47500", "", "-", "-", "0/-", "unreachable")), rawRows());
    }

    @Test
    void saysSoWhenThisNodeIsNotPartOfACluster() {
        execute(command);
        assertEquals("", out());
        assertEquals(notInCluster(), err());
        verifyNoInteractions(cluster);
    }
}
