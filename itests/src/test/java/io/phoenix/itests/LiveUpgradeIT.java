package io.phoenix.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.phoenix.agent.api.AgentException;
import io.phoenix.agent.api.AgentTimeoutException;
import io.phoenix.runtime.management.AgentTypeInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Live upgrade under load: counter 1.x serves 50 agents hammered by client threads while deploy/counter.jar is
 * overwritten with counter 2.0.0. No increment may be lost or applied twice: for every counter,
 * acknowledged &lt;= final value &lt;= acknowledged + in doubt, where in doubt means a timeout whose message was
 * delivered. The only failures allowed are the documented retryable ones.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LiveUpgradeIT extends PhoenixTestSupport {

    private static final int COUNTERS = 50;
    private static final int CLIENTS = 4;
    private static final String INC = "{\"op\":\"inc\",\"by\":1}";

    /** What the clients saw for one counter. */
    private static final class Tally {
        final AtomicLong acked = new AtomicLong();
        final AtomicLong inDoubt = new AtomicLong();
        final AtomicLong notApplied = new AtomicLong();
    }

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> failuresByKind = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicLong totalAcked = new AtomicLong();
    private final LongAccumulator maxLatencyMs = new LongAccumulator(Math::max, 0);
    private final LongAccumulator maxUpgradeLatencyMs = new LongAccumulator(Math::max, 0);
    private volatile long upgradeStartNanos = Long.MAX_VALUE;
    private volatile long upgradeEndNanos = Long.MAX_VALUE;

    @Test
    public void upgradeUnderLoadLosesAndDuplicatesNothing() throws Exception {
        deploy(counterJar(1), "counter.jar");
        AgentTypeInfo v1 = awaitType("counter", AgentTypeInfo::available, "available");
        assertTrue(v1.toString(), v1.version().startsWith("1."));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < COUNTERS; i++) {
            String id = uniqueId("upgrade-" + i);
            runtime.spawnJson("counter", id, null).toCompletableFuture().get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            ids.add(id);
            tallies.put(id, new Tally());
        }

        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> loops = new ArrayList<>();
        try {
            for (int c = 0; c < CLIENTS; c++) {
                List<String> mine = new ArrayList<>();
                for (int i = c; i < COUNTERS; i += CLIENTS) {
                    mine.add(ids.get(i));
                }
                loops.add(clients.submit(() -> load(mine, running)));
            }
            long loadStart = System.nanoTime();
            await("load before the upgrade").atMost(WAIT)
                    .until(() -> totalAcked.get() >= 500 && System.nanoTime() - loadStart >= 1_000_000_000L);

            long ackedBefore = totalAcked.get();
            upgradeStartNanos = System.nanoTime();
            deploy(counterJar(2), "counter.jar");
            AgentTypeInfo v2 = awaitType("counter", t -> t.available() && t.version().equals("2.0.0"), "upgraded to 2.0.0");
            upgradeEndNanos = System.nanoTime();
            long ackedAtUpgrade = totalAcked.get();
            // Keep loading on 2.0.0 for a while.
            await("load after the upgrade").atMost(WAIT).until(() -> totalAcked.get() >= ackedAtUpgrade + 500
                    && System.nanoTime() - upgradeEndNanos >= 2_000_000_000L);
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(CALL_TIMEOUT.toMillis() + 10_000, TimeUnit.MILLISECONDS);
            }
            System.out.printf("LIVE UPGRADE: type %s -> %s (%d upgrade(s)) in %d ms; acked %d before, %d during, %d total;"
                            + " failures %s; max call latency %d ms during the upgrade, %d ms overall%n",
                    v1.version(), v2.version(), v2.upgrades(), (upgradeEndNanos - upgradeStartNanos) / 1_000_000,
                    ackedBefore, ackedAtUpgrade - ackedBefore, totalAcked.get(), failuresByKind,
                    maxUpgradeLatencyMs.get(), maxLatencyMs.get());
        } finally {
            running.set(false);
            clients.shutdownNow();
        }

        assertTrue("only documented retryable failures, but " + failuresByKind + ", e.g. " + unexpected, unexpected.isEmpty());
        for (String id : ids) {
            Tally t = tallies.get(id);
            long finalValue = value(call(id, "{\"op\":\"get\"}", CALL_TIMEOUT));
            assertTrue(id + ": final " + finalValue + " < acknowledged " + t.acked + " (an increment was lost)",
                    finalValue >= t.acked.get());
            assertTrue(id + ": final " + finalValue + " > acknowledged " + t.acked + " + in doubt " + t.inDoubt
                    + " (an increment was applied twice or from nowhere)", finalValue <= t.acked.get() + t.inDoubt.get());
        }
        String first = ids.get(0);
        long before = value(call(first, "{\"op\":\"get\"}", CALL_TIMEOUT));
        String reply = call(first, "{\"op\":\"dec\",\"by\":1}", CALL_TIMEOUT);
        assertEquals("2.0.0 understands dec: " + reply, before - 1, value(reply));
        AgentTypeInfo after = management.type("counter").orElseThrow();
        assertEquals("2.0.0", after.version());
        assertTrue(after.toString(), after.available() && after.upgrades() >= 1 && after.agents() >= COUNTERS);
    }

    /** One client: increments its counters round-robin until told to stop, one call at a time. */
    private void load(List<String> ids, AtomicBoolean running) {
        for (long n = 0; running.get(); n++) {
            String id = ids.get((int) (n % ids.size()));
            Tally tally = tallies.get(id);
            long start = System.nanoTime();
            try {
                call(id, INC, CALL_TIMEOUT);
                tally.acked.incrementAndGet();
                totalAcked.incrementAndGet();
            } catch (AgentTimeoutException e) {
                (e.delivered() ? tally.inDoubt : tally.notApplied).incrementAndGet();
                count("timeout(delivered=" + e.delivered() + ")");
            } catch (AgentException e) {
                if (e.retryable()) {
                    tally.notApplied.incrementAndGet();
                    count(e.getClass().getSimpleName());
                } else {
                    unexpected(id, e);
                }
            } catch (AssertionError | RuntimeException e) {
                tally.inDoubt.incrementAndGet(); // the outcome is unknown
                unexpected(id, e);
            }
            long end = System.nanoTime();
            long latencyMs = (end - start) / 1_000_000;
            maxLatencyMs.accumulate(latencyMs);
            if (end >= upgradeStartNanos && start <= upgradeEndNanos) {
                maxUpgradeLatencyMs.accumulate(latencyMs);
            }
        }
    }

    private void unexpected(String id, Throwable e) {
        count("UNEXPECTED " + e.getClass().getSimpleName());
        if (unexpected.size() < 20) {
            unexpected.add(id + ": " + e);
        }
    }

    private void count(String kind) {
        failuresByKind.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }
}
