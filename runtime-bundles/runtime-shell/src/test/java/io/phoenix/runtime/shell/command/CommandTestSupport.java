package io.phoenix.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.Mockito.mock;

import io.phoenix.agent.api.AgentRuntime;
import io.phoenix.runtime.management.RuntimeManagement;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Runs a command against mocked runtime services and captures what it prints. */
abstract class CommandTestSupport {

    final AgentRuntime runtime = mock(AgentRuntime.class);
    final RuntimeManagement management = mock(RuntimeManagement.class);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    <C extends PhoenixCommandSupport> C wire(C command) {
        command.setRuntime(runtime);
        command.setManagement(management);
        command.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        command.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        return command;
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
