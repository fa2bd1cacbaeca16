package io.phoenix.itests.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code inc} load on counters over REST, as a client of the product would send it — spread over the nodes, one
 * HTTP client per thread — with the bookkeeping of a Jepsen-style checker. Each counter has one caller thread, so
 * its outcomes are exact: a 200 is <em>acknowledged</em>; an error the API says was not applied (503
 * {@code agent_unavailable}, 429, a 504 timeout with {@code delivered:false}, a refused connection) is <em>not
 * applied</em>; everything else (a 504 with {@code delivered:true} such as {@code commit_uncertain}, a 500, a
 * connection lost after the request was sent, an answer the checker does not know) is <em>in doubt</em>. The
 * guarantee checked: for every counter, acknowledged ≤ final value ≤ acknowledged + in doubt (nothing acknowledged
 * lost, nothing applied twice), and every acknowledged reply lies in that window as it comes (no second
 * activation answering from other state).
 */
final class RestCounterLoad extends CounterCallers {

    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*(-?\\d+)");
    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"(\\w+)\"");
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("phoenix:phoenix".getBytes(UTF_8));

    private final Supplier<List<PhoenixNodeProcess>> entries;
    private final int threads;
    private final ConcurrentMap<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();

    /** @param entries the nodes to send to (asked again for each request: nodes come and go) */
    RestCounterLoad(Supplier<List<PhoenixNodeProcess>> entries, List<String> counters, int threads) {
        super(counters);
        this.entries = entries;
        this.threads = threads;
    }

    RestCounterLoad start() {
        startThreads(threads, "rest-load", (t, mine) -> run(mine, t));
        return this;
    }

    private void run(List<String> ids, int offset) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (long n = 0; running; n++) {
            String id = ids.get((int) (n % ids.size()));
            List<PhoenixNodeProcess> nodes = entries.get();
            PhoenixNodeProcess entry = nodes.get((int) ((n + offset) % nodes.size()));
            long start = System.nanoTime();
            String[] outcome = inc(client, entry, id);
            record(id, outcome[0], outcome[1], start, System.nanoTime());
            if (!outcome[0].equals("ok")) {
                pause(50); // as a client backs off before it retries
            }
        }
    }

    /**
     * @return {outcome, value}: "ok" with the value, or the classification of the failure. The JDK's HttpClient,
     *     not HttpURLConnection: the latter silently sends a POST again when the connection fails before the
     *     answer, which would turn one "not sent" into an applied increment.
     */
    private String[] inc(HttpClient client, PhoenixNodeProcess entry, String id) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + (PhoenixNodeProcess.HTTP_BASE + entry.index) + "/api/agents/" + id + "/call"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", AUTH)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"op\":\"inc\",\"by\":1}"))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            return sample(entry, id, "not-sent", e.toString());
        } catch (IOException e) {
            // The connection was open: the request may have been sent (an HttpTimeoutException is an IOException).
            return sample(entry, id, "connection-lost", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return sample(entry, id, "connection-lost", e.toString());
        }
        int status = response.statusCode();
        String body = response.body();
        if (status == 200) {
            Matcher v = VALUE.matcher(body);
            return v.find() ? new String[] {"ok", v.group(1)} : sample(entry, id, "unexpected", body);
        }
        Matcher code = ERROR.matcher(body);
        String error = code.find() ? code.group(1) : "http-" + status;
        if (error.equals("timeout") && body.contains("\"delivered\":false")) {
            error = "timeout(withdrawn)";
        }
        return sample(entry, id, error, status + " " + body);
    }

    private String[] sample(PhoenixNodeProcess entry, String id, String outcome, String detail) {
        if (samples.size() < 40) {
            samples.add(entry.id + " " + id + " " + outcome + ": " + detail.trim());
        }
        return new String[] {outcome, null};
    }

    private void record(String id, String outcome, String value, long start, long end) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
        ledger.record(id, outcome, value, start, end);
    }

    String summary() {
        return String.format("%d acknowledged, outcomes %s; first failures: %s", ledger.acked(), new TreeMap<>(outcomes),
                samples.stream().limit(8).toList());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // client back-off between requests, not a wait for a condition
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
