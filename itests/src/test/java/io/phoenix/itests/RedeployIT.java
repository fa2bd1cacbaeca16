package io.phoenix.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.phoenix.agent.api.TypeNotAvailableException;
import io.phoenix.runtime.management.AgentTypeInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Removing a type's jar from deploy/ suspends its agents (calls fail with TypeNotAvailableException within
 * their timeout); putting it back resumes the same agents with their state.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RedeployIT extends PhoenixTestSupport {

    private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(2);
    /** Slack for scheduling on a loaded machine when checking that a call failed "within its timeout". */
    private static final long SLACK_MS = 1_500;

    @Test
    public void removedTypeSuspendsItsAgentsAndReAddingResumesThem() throws Exception {
        deploy(counterJar(1), "counter.jar");
        awaitType("counter", AgentTypeInfo::available, "available");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = uniqueId("redeploy-" + i);
            runtime.spawnJson("counter", id, null).toCompletableFuture().get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(i + 1, value(call(id, "{\"op\":\"inc\",\"by\":" + (i + 1) + "}", CALL_TIMEOUT)));
            ids.add(id);
        }

        undeploy("counter.jar");
        AgentTypeInfo removed = awaitType("counter", t -> !t.available(), "no longer available");
        assertTrue(removed.toString(), removed.agents() >= ids.size());
        // All at once: each call must fail on its own within its timeout.
        long start = System.nanoTime();
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (String id : ids) {
            calls.add(runtime.callJson(id, "{\"op\":\"get\"}", SHORT_TIMEOUT).toCompletableFuture());
        }
        for (int i = 0; i < ids.size(); i++) {
            try {
                String reply = calls.get(i).get(SHORT_TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
                fail(ids.get(i) + " answered " + reply + " although its type is gone");
            } catch (ExecutionException e) {
                RuntimeException failure = asRuntime(e);
                assertTrue(ids.get(i) + " failed with " + failure, failure instanceof TypeNotAvailableException);
            }
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ids.get(i) + " failed after " + tookMs + " ms, timeout " + SHORT_TIMEOUT.toMillis() + " ms",
                    tookMs <= SHORT_TIMEOUT.toMillis() + SLACK_MS);
        }

        deploy(counterJar(1), "counter.jar");
        awaitType("counter", AgentTypeInfo::available, "available again");
        for (int i = 0; i < ids.size(); i++) {
            assertEquals("value of " + ids.get(i) + " after re-adding", i + 1,
                    value(call(ids.get(i), "{\"op\":\"get\"}", CALL_TIMEOUT)));
        }
    }
}
