package io.phoenix.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.when;

import io.phoenix.cluster.ClusterStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterStatusCommandTest extends CommandTestSupport {

    private final ClusterStatusCommand command = wire(new ClusterStatusCommand());

    private static List<List<String>> settingRows(String replication) {
        return List.of(
                List.of("Node", "node-1"),
                List.of("State", "JOINED"),
                List.of("Servers", "3"),
                List.of("Topology version", "7"),
                List.of("Backups", "1"),
                List.of("Replication", replication),
                List.of("Partitions", "1024"));
    }

    @Test
    void printsTheStatusAsKeyValueRowsWithNoProblems() {
        clusterUp();
        when(cluster.status()).thenReturn(new ClusterStatus("node-1", "JOINED", 3, 7, 1, true, 1024, List.of()));
        command.noFormat = true;
        execute(command);
        List<List<String>> expected = new ArrayList<>(settingRows("synchronous"));
        expected.add(List.of("Problems", "none"));
        assertEquals(expected, rawRows());
        assertEquals("", err());
    }

    @Test
    void listsTheProblemsOnePerRow() {
        clusterUp();
        when(cluster.status()).thenReturn(new ClusterStatus("node-1", "JOINED", 3, 7, 1, false, 1024,
                List.of("incompatible node seen: node-9 (Phoenix 2.0.0)", "grid node id node-1 differs from runtime node id n1")));
        command.noFormat = true;
        execute(command);
        List<List<String>> expected = new ArrayList<>(settingRows("asynchronous"));
        expected.add(List.of("Problems", "incompatible node seen: node-9 (Phoenix 2.0.0)"));
        expected.add(List.of("Problems", "grid node id node-1 differs from runtime node id n1"));
        assertEquals(expected, rawRows());
    }

    @Test
    void printsATable() {
        clusterUp();
        when(cluster.status()).thenReturn(new ClusterStatus("node-1", "STARTING", 1, 1, 0, true, 1024, List.of()));
        execute(command);
        String[] lines = out().split("\n");
        assertEquals(10, lines.length, out());
        assertEquals(List.of("State", "STARTING"), TypeListCommandTest.cells(lines[3]));
    }

    @Test
    void saysSoWhenThisNodeIsNotPartOfACluster() {
        execute(command);
        assertEquals("", out());
        assertEquals(notInCluster(), err());
    }
}
