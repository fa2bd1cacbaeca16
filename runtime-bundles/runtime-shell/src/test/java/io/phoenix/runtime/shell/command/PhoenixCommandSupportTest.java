package io.phoenix.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phoenix.agent.api.AgentNotFoundException;
import io.phoenix.agent.api.AgentTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class PhoenixCommandSupportTest extends CommandTestSupport {

    @Test
    void describesAgentFailuresBehindCompletionWrappers() {
        AgentNotFoundException notFound = new AgentNotFoundException("x", "agent 'x' not found");
        assertEquals("agent 'x' not found (agent_not_found)", PhoenixCommandSupport.describe(notFound));
        assertEquals("agent 'x' not found (agent_not_found)",
                PhoenixCommandSupport.describe(new ExecutionException(new CompletionException(notFound))));
        assertEquals("no reply (timeout, not handled)",
                PhoenixCommandSupport.describe(new CompletionException(new AgentTimeoutException("x", "no reply", false))));
        assertEquals("IllegalStateException: broken", PhoenixCommandSupport.describe(new IllegalStateException("broken")));
        assertEquals("java.lang.NullPointerException", PhoenixCommandSupport.describe(new NullPointerException()));
    }

    @Test
    void awaitGivesUpAfterTheTimeoutPlusAMargin() {
        PhoenixCommandSupport command = wire(new PhoenixCommandSupport() {
            @Override
            protected void run() throws Exception {
                await(new CompletableFuture<String>(), Duration.ofMillis(10));
            }
        });
        long start = System.nanoTime();
        execute(command);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("Error: no answer from the runtime within 2010 ms\n", err());
        assertTrue(elapsedMillis >= 2_000 && elapsedMillis < 10_000, "waited " + elapsedMillis + " ms");
    }

    @Test
    void reportsInterruptionAndKeepsTheFlag() {
        PhoenixCommandSupport command = wire(new PhoenixCommandSupport() {
            @Override
            protected void run() throws Exception {
                throw new InterruptedException();
            }
        });
        execute(command);
        assertTrue(Thread.interrupted());
        assertEquals("Error: interrupted\n", err());
    }
}
