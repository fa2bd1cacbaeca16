package io.phoenix.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.phoenix.cluster.ClusterStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterCommandSupportTest extends CommandTestSupport {

    private final ClusterStatusCommand command = wire(new ClusterStatusCommand());

    @Test
    void releasesTheServiceAfterEachRunAlsoWhenItFails() {
        clusterUp();
        when(cluster.status())
                .thenReturn(new ClusterStatus("node-1", "JOINED", 1, 1, 0, true, 1024, List.of()))
                .thenThrow(new IllegalStateException("grid is stopping"));
        execute(command);
        execute(command);
        assertEquals("Error: IllegalStateException: grid is stopping\n", err());
        verify(bundleContext, times(2)).ungetService(clusterReference);
    }

    @Test
    void treatsAServiceGoneBetweenLookupAndUseAsAbsent() {
        clusterUp();
        doReturn(null).when(bundleContext).getService(clusterReference);
        execute(command);
        assertEquals(notInCluster(), err());
        verify(bundleContext, never()).ungetService(any());
    }

    @Test
    void seesTheClusterPackageOnTheTestClassPath() {
        assertTrue(ClusterCommandSupport.clusterPackageWired());
    }
}
