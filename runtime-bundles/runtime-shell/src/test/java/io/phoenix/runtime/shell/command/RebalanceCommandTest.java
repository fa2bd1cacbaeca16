package io.phoenix.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.when;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RebalanceCommandTest extends CommandTestSupport {

    private final RebalanceCommand command = wire(new RebalanceCommand());

    @Test
    void printsHowManyAgentsWereHandedOff() {
        clusterUp();
        when(cluster.rebalance()).thenReturn(CompletableFuture.completedFuture(42));
        execute(command);
        assertEquals("Rebalanced: 42 agents handed off\n", out());
        assertEquals("", err());
    }

    @Test
    void reportsANodeThatFailed() {
        clusterUp();
        when(cluster.rebalance()).thenReturn(
                CompletableFuture.failedFuture(new IllegalStateException("node-3 did not answer (timeout)")));
        execute(command);
        assertEquals("", out());
        assertEquals("Error: IllegalStateException: node-3 did not answer (timeout)\n", err());
    }

    @Test
    void saysSoWhenThisNodeIsNotPartOfACluster() {
        execute(command);
        assertEquals("", out());
        assertEquals(notInCluster(), err());
    }
}
