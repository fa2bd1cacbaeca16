package io.phoenix.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.when;

import io.phoenix.runtime.management.AgentTypeInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeListCommandTest extends CommandTestSupport {

    private final TypeListCommand command = wire(new TypeListCommand());

    @Test
    void printsOneRowPerType() {
        when(management.types()).thenReturn(List.of(
                new AgentTypeInfo("counter", "2.0.0", "io.phoenix.example.counter", true, 2, 12, 3, 1500, 4, 1),
                new AgentTypeInfo("kv-store", "1.0.0", "io.phoenix.example.kvstore", false, 1, 2, 0, 7, 0, 0)));
        execute(command);
        String[] lines = out().split("\n");
        assertEquals(4, lines.length, out());
        assertTrue(lines[0].contains("Name") && lines[0].contains("State Version") && lines[0].contains("Upgrades"), lines[0]);
        assertEquals(List.of("counter", "2.0.0", "io.phoenix.example.counter", "yes", "2", "12", "3", "1500", "4", "1"),
                cells(lines[2]));
        assertEquals(List.of("kv-store", "1.0.0", "io.phoenix.example.kvstore", "no", "1", "2", "0", "7", "0", "0"),
                cells(lines[3]));
        assertEquals("", err());
    }

    @Test
    void printsRawRowsWithNoFormat() {
        when(management.types()).thenReturn(List.of(
                new AgentTypeInfo("counter", "1.0.0", "io.phoenix.example.counter", true, 1, 1, 1, 1, 0, 0)));
        command.noFormat = true;
        execute(command);
        assertEquals(List.of(List.of("counter", "1.0.0", "io.phoenix.example.counter", "yes", "1", "1", "1", "1", "0", "0")),
                rawRows());
    }

    @Test
    void saysSoWhenThereAreNoTypes() {
        when(management.types()).thenReturn(List.of());
        execute(command);
        assertTrue(out().contains("No agent types"), out());
    }

    static List<String> cells(String line) {
        return List.of(line.trim().split("\\s*│\\s*|\\s*\\|\\s*"));
    }
}
