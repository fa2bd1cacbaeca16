package io.phoenix.itests.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Continuous {@code inc} load on counter agents through the nodes' consoles, with exact bookkeeping. Each agent
 * has exactly one caller thread, so its replies must be consistent one by one: every acknowledged value is
 * greater than the previous one and lies in [acked, acked + in doubt] counted so far — a value going back, or
 * beyond what was sent, means a lost update or a second activation. Each thread holds its own console
 * connection to one entry node (threads are spread over the entry nodes).
 *
 * <p>Outcomes, from what {@code phoenix:agent-call} prints: {@code {"value":N}} acknowledged; {@code Error: ...
 * (agent_unavailable)}, {@code (mailbox_full)}, {@code (type_not_available)} and a timeout "withdrawn unhandled"
 * and calls that could not be sent (no console) were not applied; any other timeout, the console's own give-up, a
 * connection broken during the call or anything unexpected is in doubt (may or may not have been applied).
 */
final class CounterLoad extends CounterCallers {

    static final String INC = "'{\"op\":\"inc\",\"by\":1}'";
    private static final Pattern VALUE = Pattern.compile("^\\{\"value\":(-?\\d+)}", Pattern.MULTILINE);
    private static final Pattern CODE = Pattern.compile("Error: .*\\((\\w+)\\)\\s*$", Pattern.DOTALL);

    private final List<PhoenixNodeProcess> entries;
    private final int threads;
    private final ConcurrentMap<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
    private final AtomicLong calls = new AtomicLong();
    private final LongAccumulator maxLatencyMicros = new LongAccumulator(Math::max, 0);

    CounterLoad(List<PhoenixNodeProcess> entries, List<String> agents, int threads) {
        super(agents);
        this.entries = List.copyOf(entries);
        this.threads = threads;
    }

    /** Starts the caller threads. */
    CounterLoad start() {
        startThreads(threads, "load", (t, mine) -> run(entries.get(t % entries.size()), mine));
        return this;
    }

    private void run(PhoenixNodeProcess entry, List<String> ids) {
        NodeShell console = null;
        for (long n = 0; running; n++) {
            String id = ids.get((int) (n % ids.size()));
            long start = System.nanoTime();
            String outcome;
            String value = null;
            try {
                if (console == null || !console.isOpen()) {
                    console = entry.openShell();
                }
            } catch (IOException e) {
                if (samples.size() < 30) {
                    samples.add(entry.id + ": no console: " + e.getMessage());
                }
                record(id, "not-sent", null, start, System.nanoTime());
                sleep(100);
                continue;
            }
            try {
                NodeShell.Result r = console.exec("phoenix:agent-call " + id + " " + INC, Duration.ofSeconds(15));
                Matcher v = VALUE.matcher(r.out());
                Matcher code = CODE.matcher(r.err());
                if (v.find()) {
                    outcome = "ok";
                    value = v.group(1);
                } else if (code.find()) {
                    outcome = code.group(1).equals("timeout") && r.err().contains("withdrawn unhandled")
                            ? "timeout(withdrawn)" : code.group(1);
                } else {
                    outcome = r.err().contains("no answer from the runtime") ? "console-timeout" : "unexpected";
                }
                if (!outcome.equals("ok") && samples.size() < 30) {
                    samples.add(entry.id + " " + id + ": " + r.text().trim());
                }
            } catch (IOException e) {
                outcome = "connection-lost";
                if (samples.size() < 30) {
                    samples.add(entry.id + " " + id + ": " + e.getMessage());
                }
                sleep(100);
            }
            record(id, outcome, value, start, System.nanoTime());
        }
        if (console != null) {
            console.close();
        }
    }

    private void record(String id, String outcome, String value, long start, long end) {
        calls.incrementAndGet();
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
        maxLatencyMicros.accumulate((end - start) / 1_000);
        ledger.record(id, outcome, value, start, end);
    }

    /** Marks an event (a kill, a pause): {@link #allAnsweredNanos()} measures from it. */
    void mark(long eventNanos) {
        ledger.mark(eventNanos);
    }

    /** @return when the last agent answered a call made after the mark, or -1 while some has not yet */
    long allAnsweredNanos() {
        return ledger.allAnsweredNanos();
    }

    /** @return how many agents had a failed call after the mark */
    long agentsFailedAfterMark() {
        return ledger.agentsFailedAfterMark();
    }

    long acked() {
        return ledger.acked();
    }

    /** @return the longest call since the previous reading, in milliseconds (and starts a new reading) */
    long takeMaxLatencyMs() {
        return maxLatencyMicros.getThenReset() / 1_000;
    }

    /** @return the totals, for the build log */
    String summary() {
        return String.format("%d calls, %d acked, outcomes %s; first failures: %s", calls.get(), ledger.acked(), outcomes,
                samples.stream().limit(5).toList());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
