package io.phoenix.runtime.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.phoenix.agent.api.AgentAlreadyExistsException;
import io.phoenix.agent.api.BadMessageException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class AuditLogTest {

    @Test
    void aLineHasTheFiveFieldsInOrder() {
        assertEquals("user=phoenix source=rest action=spawn target=counter/c9 outcome=ok",
                AuditLog.line("phoenix", "rest", "spawn", "counter/c9", AuditLog.OK));
    }

    @Test
    void unknownValuesAreADashAndOddValuesAreQuotedOnOneLine() {
        assertEquals("user=- source=shell action=spawn target=\"bad id/with \\\"quote\\\"\\u000a\" outcome=error:bad_message",
                AuditLog.line(null, "shell", "spawn", "bad id/with \"quote\"\n", "error:bad_message"));
    }

    @Test
    void outcomesNameTheErrorCode() {
        assertEquals("ok", AuditLog.outcome(null));
        assertEquals("error:bad_message", AuditLog.outcome(new CompletionException(new BadMessageException("x", "bad"))));
        assertEquals("error:agent_exists", AuditLog.outcome(new AgentAlreadyExistsException("x", "exists")));
        assertEquals("error:IllegalStateException", AuditLog.outcome(new IllegalStateException("boom")));
    }

    @Test
    void trackPassesTheStageAndTheImmediateFailureThrough() {
        CompletableFuture<String> stage = new CompletableFuture<>();
        var tracked = AuditLog.track("u", "shell", "stop", "c1", () -> stage);
        stage.complete("done");
        assertEquals("done", tracked.toCompletableFuture().join());
        IllegalArgumentException thrown = new IllegalArgumentException("no");
        assertSame(thrown, assertThrows(IllegalArgumentException.class,
                () -> AuditLog.track("u", "shell", "stop", "c1", () -> { throw thrown; })));
    }
}
