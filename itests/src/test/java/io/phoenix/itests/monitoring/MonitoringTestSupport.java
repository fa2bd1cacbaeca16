package io.phoenix.itests.monitoring;

import static org.awaitility.Awaitility.await;

import io.phoenix.itests.PhoenixTestSupport;
import io.phoenix.runtime.management.AgentTypeInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP helpers of the monitoring tests (metrics, health, dashboard): real requests to the container's own Pax Web
 * port, a strict reader of the Prometheus text format, and the counter type hot-deployed once per container.
 */
public abstract class MonitoringTestSupport extends PhoenixTestSupport {

    /** A sample line: name, optional {labels}, value, optional timestamp. */
    private static final Pattern SAMPLE = Pattern.compile(
            "^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*\\})? "
                    + "(-?[0-9.eE+-]+|NaN|[+-]Inf)( -?[0-9]+)?$");
    private static final Pattern COMMENT = Pattern.compile("^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*$");

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected static String base() {
        return "http://127.0.0.1:" + httpPort();
    }

    protected static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** GETs a path of this node, with an Authorization header unless it is null. */
    protected HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until the whiteboard serves {@code path} with the status (the HTTP server starts with the node). */
    protected void awaitStatus(String path, String authorization, int status) {
        await(path + " answers " + status).atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    try {
                        return get(path, authorization).statusCode();
                    } catch (IOException e) {
                        return -1;
                    }
                }, s -> s == status);
    }

    /**
     * Parses a Prometheus text exposition strictly (every line a HELP/TYPE comment or a sample) into
     * {@code name{labels}} → value.
     */
    protected static Map<String, Double> parsePrometheus(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || COMMENT.matcher(line).matches()) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                throw new AssertionError("not Prometheus text format: '" + line + "'");
            }
            samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(
                    m.group(3).replace("+Inf", "Infinity").replace("-Inf", "-Infinity")));
        }
        return samples;
    }

    /** Scrapes /metrics and parses it. */
    protected Map<String, Double> scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/metrics", null);
        if (response.statusCode() != 200) {
            throw new AssertionError("/metrics answered " + response.statusCode() + ": " + response.body());
        }
        return parsePrometheus(response.body());
    }

    /** A sample's value, 0 if the series does not exist (yet). */
    protected static double value(Map<String, Double> samples, String series) {
        return samples.getOrDefault(series, 0.0);
    }

    /** Deploys counter 1.x as deploy/counter.jar once per container and waits until the type is available. */
    protected void deployCounter() throws IOException {
        if (!Files.exists(deployDir().resolve("counter.jar"))) {
            deploy(counterJar(1), "counter.jar");
        }
        awaitType("counter", AgentTypeInfo::available, "available");
    }

    protected void spawnCounter(String id) throws Exception {
        runtime.spawnJson("counter", id, null).toCompletableFuture().get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
