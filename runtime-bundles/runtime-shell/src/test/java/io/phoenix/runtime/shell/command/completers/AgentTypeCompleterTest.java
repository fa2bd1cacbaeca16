package io.phoenix.runtime.shell.command.completers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.phoenix.runtime.management.AgentTypeInfo;
import io.phoenix.runtime.management.RuntimeManagement;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.console.CommandLine;
import org.junit.jupiter.api.Test;

class AgentTypeCompleterTest {

    static CommandLine typed(String argument) {
        CommandLine line = mock(CommandLine.class);
        when(line.getCursorArgument()).thenReturn(argument);
        when(line.getArgumentPosition()).thenReturn(argument == null ? 0 : argument.length());
        when(line.getBuffer()).thenReturn(argument == null ? "" : argument);
        when(line.getBufferPosition()).thenReturn(argument == null ? 0 : argument.length());
        return line;
    }

    private static AgentTypeInfo type(String name) {
        return new AgentTypeInfo(name, "1.0.0", "b", true, 1, 0, 0, 0, 0, 0);
    }

    @Test
    void completesKnownTypeNames() {
        RuntimeManagement management = mock(RuntimeManagement.class);
        when(management.types()).thenReturn(List.of(type("chat-member"), type("chat-room"), type("counter")));
        AgentTypeCompleter completer = new AgentTypeCompleter();
        completer.setManagement(management);

        List<String> candidates = new ArrayList<>();
        completer.complete(null, typed("cha"), candidates);
        assertEquals(List.of("chat-member", "chat-room"), candidates.stream().map(String::trim).sorted().toList());
    }
}
