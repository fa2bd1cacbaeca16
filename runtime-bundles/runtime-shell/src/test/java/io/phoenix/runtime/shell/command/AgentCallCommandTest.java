package io.phoenix.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.phoenix.agent.api.AgentFailedException;
import io.phoenix.agent.api.AgentNotFoundException;
import io.phoenix.agent.api.AgentTimeoutException;
import io.phoenix.agent.api.BadMessageException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AgentCallCommandTest extends CommandTestSupport {

    private final AgentCallCommand command = wire(new AgentCallCommand());

    private void args(String id, String json) {
        command.id = id;
        command.json = json;
    }

    @Test
    void printsTheReplyJsonWithTheDefaultTimeout() {
        when(runtime.callJson("c1", "{\"op\":\"inc\",\"by\":2}", Duration.ofSeconds(5)))
                .thenReturn(CompletableFuture.completedFuture("{\"value\":7}"));
        args("c1", "{\"op\":\"inc\",\"by\":2}");
        execute(command);
        assertEquals("{\"value\":7}\n", out());
        assertEquals("", err());
    }

    @Test
    void passesTheTimeout() {
        when(runtime.callJson("c1", "{}", Duration.ofMillis(250))).thenReturn(CompletableFuture.completedFuture("null"));
        args("c1", "{}");
        command.timeoutMillis = 250;
        execute(command);
        assertEquals("null\n", out());
    }

    @Test
    void reportsUnknownAgentsMalformedJsonFailuresAndTimeouts() {
        when(runtime.callJson("x", "{}", Duration.ofSeconds(5))).thenReturn(
                CompletableFuture.failedFuture(new AgentNotFoundException("x", "agent 'x' not found")));
        args("x", "{}");
        execute(command);
        when(runtime.callJson("c1", "{op", Duration.ofSeconds(5))).thenReturn(
                CompletableFuture.failedFuture(new BadMessageException("c1", "malformed JSON message")));
        args("c1", "{op");
        execute(command);
        when(runtime.callJson("c1", "{\"op\":\"boom\"}", Duration.ofSeconds(5))).thenReturn(
                CompletableFuture.failedFuture(new AgentFailedException("c1", "agent 'c1' failed: boom")));
        args("c1", "{\"op\":\"boom\"}");
        execute(command);
        when(runtime.callJson("slow", "{}", Duration.ofSeconds(5))).thenReturn(
                CompletableFuture.failedFuture(new AgentTimeoutException("slow", "no reply from agent 'slow' within 5000 ms", true)));
        args("slow", "{}");
        execute(command);
        assertEquals("", out());
        assertEquals("Error: agent 'x' not found (agent_not_found)\n"
                + "Error: malformed JSON message (bad_message)\n"
                + "Error: agent 'c1' failed: boom (agent_failed)\n"
                + "Error: no reply from agent 'slow' within 5000 ms (timeout, may have been handled)\n", err());
    }

    @Test
    void rejectsANonPositiveTimeout() {
        args("c1", "{}");
        command.timeoutMillis = 0;
        execute(command);
        assertEquals("Error: --timeout must be positive, was 0\n", err());
        verify(runtime, never()).callJson(anyString(), anyString(), any());
    }
}
