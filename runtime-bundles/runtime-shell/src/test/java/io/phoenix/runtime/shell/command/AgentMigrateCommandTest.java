package io.phoenix.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.when;

import io.phoenix.cluster.AgentLocation;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AgentMigrateCommandTest extends CommandTestSupport {

    private final AgentMigrateCommand command = wire(new AgentMigrateCommand());

    private void args(String id, String node) {
        command.id = id;
        command.node = node;
    }

    @Test
    void migratesAndSaysWhere() {
        clusterUp();
        when(cluster.migrate("c1", "node-2")).thenReturn(
                CompletableFuture.completedFuture(new AgentLocation("c1", true, "counter", "node-2", "node-2", true)));
        args("c1", "node-2");
        execute(command);
        assertEquals("Migrated c1 to node-2\n", out());
        assertEquals("", err());
    }

    @Test
    void reportsAnUnknownNodeOrAgent() {
        clusterUp();
        when(cluster.migrate("c1", "node-9")).thenReturn(
                CompletableFuture.failedFuture(new IllegalArgumentException("no node 'node-9' in the cluster")));
        when(cluster.migrate("x", "node-2")).thenReturn(
                CompletableFuture.failedFuture(new IllegalArgumentException("no agent 'x'")));
        args("c1", "node-9");
        execute(command);
        args("x", "node-2");
        execute(command);
        assertEquals("", out());
        assertEquals("Error: no node 'node-9' in the cluster\n"
                + "Error: no agent 'x'\n", err());
    }

    @Test
    void saysSoWhenThisNodeIsNotPartOfACluster() {
        args("c1", "node-2");
        execute(command);
        assertEquals("", out());
        assertEquals(notInCluster(), err());
    }
}
