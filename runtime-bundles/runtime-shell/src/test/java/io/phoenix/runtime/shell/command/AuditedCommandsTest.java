package io.phoenix.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.phoenix.agent.api.AgentNotFoundException;
import io.phoenix.agent.api.AgentRef;
import io.phoenix.cluster.AgentLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedAction;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;

/**
 * Every administrative command writes one audit line with the session's user, source {@code shell}, target and
 * outcome. The lines are read where the test's SLF4J binding (slf4j-simple) writes them: stderr.
 */
class AuditedCommandsTest extends CommandTestSupport {

    /** Runs {@code command} as {@code user} (a JAAS subject, as Karaf's console and SSH sessions do) and returns the log. */
    private String runAs(String user, PhoenixCommandSupport command) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream previous = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            Subject subject = new Subject(true, Set.of(new UserPrincipal(user)), Set.of(), Set.of());
            Subject.doAs(subject, (PrivilegedAction<Void>) () -> {
                execute(command);
                return null;
            });
        } finally {
            System.setErr(previous);
        }
        return log.toString(StandardCharsets.UTF_8);
    }

    private static void assertLine(String log, String expected) {
        assertTrue(log.contains(expected), "expected '" + expected + "' in:\n" + log);
    }

    @Test
    void spawnIsAuditedWithTheSessionsUserAndOk() {
        AgentSpawnCommand spawn = wire(new AgentSpawnCommand());
        spawn.type = "counter";
        spawn.id = "c1";
        when(runtime.spawnJson("counter", "c1", null)).thenReturn(CompletableFuture.completedFuture(mock(AgentRef.class)));
        assertLine(runAs("alice", spawn), "user=alice source=shell action=spawn target=counter/c1 outcome=ok");
    }

    @Test
    void aFailedStopIsAuditedWithItsErrorCode() {
        AgentStopCommand stop = wire(new AgentStopCommand());
        stop.id = "gone";
        when(runtime.stop("gone")).thenReturn(CompletableFuture.failedFuture(new AgentNotFoundException("gone", "no")));
        assertLine(runAs("bob", stop), "user=bob source=shell action=stop target=gone outcome=error:agent_not_found");
    }

    @Test
    void migrateAndRebalanceAreAudited() {
        clusterUp();
        AgentMigrateCommand migrate = wire(new AgentMigrateCommand());
        migrate.id = "c1";
        migrate.node = "node-2";
        when(cluster.migrate("c1", "node-2")).thenReturn(CompletableFuture.completedFuture(mock(AgentLocation.class)));
        assertLine(runAs("carol", migrate), "user=carol source=shell action=migrate target=c1->node-2 outcome=ok");
        when(cluster.rebalance()).thenReturn(CompletableFuture.failedFuture(new IllegalStateException("x")));
        assertLine(runAs("carol", wire(new RebalanceCommand())),
                "user=carol source=shell action=rebalance target=cluster outcome=error:IllegalStateException");
    }
}
