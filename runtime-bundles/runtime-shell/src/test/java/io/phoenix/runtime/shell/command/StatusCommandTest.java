package io.phoenix.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.when;

import io.phoenix.runtime.management.Listener;
import io.phoenix.runtime.management.NodeStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusCommandTest extends CommandTestSupport {

    private static final Instant STARTED = Instant.parse("2026-01-01T10:00:00Z");

    private final StatusCommand command = wire(new StatusCommand());

    @Test
    void printsTheNodeStatusAsKeyValueRows() {
        when(management.status()).thenReturn(new NodeStatus("node-1", STARTED, 3, 1200, 800, 17, 99_000, 5, 2));
        command.clock = Clock.fixed(STARTED.plus(Duration.ofHours(26).plusMinutes(3).plusSeconds(4)), ZoneOffset.UTC);
        command.noFormat = true;
        execute(command);
        assertEquals(List.of(
                List.of("Node", "node-1"),
                List.of("Started", "2026-01-01T10:00:00Z"),
                List.of("Uptime", "1d 02:03:04"),
                List.of("Agent types", "3"),
                List.of("Agents", "1200"),
                List.of("Active agents", "800"),
                List.of("Mailbox depth", "17"),
                List.of("Messages handled", "99000"),
                List.of("Messages failed", "5"),
                List.of("Dispatcher threads", "2")), rawRows());
        assertEquals("", err());
    }

    @Test
    void listsTheNodesListenersMarkingThoseNotAsConfigured() {
        when(management.status()).thenReturn(new NodeStatus("node-1", STARTED, 0, 0, 0, 0, 0, 0, 2));
        command.clock = Clock.fixed(STARTED, ZoneOffset.UTC);
        command.noFormat = true;
        command.listeners = () -> List.of(new Listener("SSH", "127.0.0.1", 8102, true),
                new Listener("HTTP", "0.0.0.0", 8182, false));
        execute(command);
        List<List<String>> rows = rawRows();
        assertEquals(List.of(
                List.of("Listener SSH", "127.0.0.1:8102"),
                List.of("Listener HTTP", "0.0.0.0:8182 (not as configured)")), rows.subList(rows.size() - 2, rows.size()));
    }

    @Test
    void printsATable() {
        when(management.status()).thenReturn(new NodeStatus("node-1", STARTED, 0, 0, 0, 0, 0, 0, 2));
        command.clock = Clock.fixed(STARTED.plusSeconds(5), ZoneOffset.UTC);
        execute(command);
        String[] lines = out().split("\n");
        assertEquals(12, lines.length, out());
        assertEquals(List.of("Uptime", "00:00:05"), TypeListCommandTest.cells(lines[4]));
    }

    @Test
    void reportsAFailingRuntime() {
        when(management.status()).thenThrow(new IllegalStateException("runtime is stopping"));
        execute(command);
        assertEquals("Error: IllegalStateException: runtime is stopping\n", err());
    }
}
