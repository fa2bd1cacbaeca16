package io.phoenix.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.phoenix.cluster.ClusterStatus;
import io.phoenix.grid.GridNode;
import io.phoenix.grid.GridStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

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
    void showsTheGridsStatusWhenTheClusterServicesAreDown() {
        GridNode grid = mock(GridNode.class);
        when(grid.status()).thenReturn(new GridStatus(
                GridStatus.State.NO_QUORUM, "node-1", 1, "no quorum: this node sees 1 server(s)",
                List.of(), "1.0.0", "2.17.0"));
        ServiceReference<?> gridReference = mock(ServiceReference.class);
        doReturn(gridReference).when(bundleContext).getServiceReference(GridStatusLookup.GRID_SERVICE);
        doReturn(grid).when(bundleContext).getService(gridReference);
        command.noFormat = true;
        execute(command);
        assertEquals(List.of(List.of("Node", "node-1"), List.of("State", "NO_QUORUM"), List.of("Servers", "1"),
                List.of("Problems", "the cluster services are not running: this node serves no agents"),
                List.of("Problems", "no quorum: this node sees 1 server(s)")), rawRows());
        assertEquals("", err());
    }

    @Test
    void saysSoWhenThisNodeIsNotPartOfACluster() {
        execute(command);
        assertEquals("", out());
        assertEquals(notInCluster(), err());
    }
}
