package io.phoenix.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;

import io.phoenix.agent.api.AgentRuntime;
import io.phoenix.cluster.ClusterManagement;
import io.phoenix.runtime.management.RuntimeManagement;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Runs a command against mocked runtime services and captures what it prints. Cluster commands get a
 * bundle context without a cluster management service until {@link #clusterUp()}.
 */
abstract class CommandTestSupport {

    final AgentRuntime runtime = mock(AgentRuntime.class);
    final RuntimeManagement management = mock(RuntimeManagement.class);
    final BundleContext bundleContext = mock(BundleContext.class);
    final ClusterManagement cluster = mock(ClusterManagement.class);
    final ServiceReference<?> clusterReference = mock(ServiceReference.class);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    <C extends PhoenixCommandSupport> C wire(C command) {
        command.setRuntime(runtime);
        command.setManagement(management);
        command.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        command.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        if (command instanceof ClusterCommandSupport clusterCommand) {
            clusterCommand.setBundleContext(bundleContext);
        }
        return command;
    }

    /** Registers {@link #cluster} in {@link #bundleContext}, as the cluster bundle does while the grid is up. */
    void clusterUp() {
        doReturn(clusterReference).when(bundleContext).getServiceReference(ClusterCommandSupport.CLUSTER_SERVICE);
        doReturn(cluster).when(bundleContext).getService(clusterReference);
    }

    /** The line a cluster command prints on a node without the cluster management service. */
    static String notInCluster() {
        return "Error: " + ClusterCommandSupport.NOT_IN_CLUSTER + "\n";
    }

    void execute(PhoenixCommandSupport command) {
        assertNull(command.execute());
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    /**
     * The rows of a {@code --no-format} table: ShellTable separates cells with tabs but still pads
     * them, so cells are trimmed.
     */
    List<List<String>> rawRows() {
        return out().lines().map(line -> Arrays.stream(line.split("\t")).map(String::trim).toList()).toList();
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
