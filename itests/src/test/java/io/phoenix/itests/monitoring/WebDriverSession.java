package io.phoenix.itests.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A headless Chromium driven through chromedriver's W3C WebDriver HTTP API (java.net.http + Jackson, no Selenium):
 * starts chromedriver on a free port, opens a session with a fresh profile, and ends both on close — chromedriver and
 * every process it started.
 */
final class WebDriverSession implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Process driver;
    private final Path profile;
    private final String base;
    private String session;

    /** @return whether Debian's chromium and chromedriver are installed */
    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    WebDriverSession(int port, File log) throws Exception {
        profile = Files.createTempDirectory("phoenix-chromium-");
        driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(log).start();
        base = "http://127.0.0.1:" + port;
        try {
            awaitDriver();
            ObjectNode options = JSON.createObjectNode();
            options.put("binary", CHROMIUM.toString());
            options.set("args", JSON.valueToTree(List.of("--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile)));
            ObjectNode match = JSON.createObjectNode();
            match.put("browserName", "chrome");
            match.set("goog:chromeOptions", options);
            ObjectNode capabilities = JSON.createObjectNode();
            capabilities.set("alwaysMatch", match);
            ObjectNode body = JSON.createObjectNode();
            body.set("capabilities", capabilities);
            session = post("/session", body).path("sessionId").asText();
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private void awaitDriver() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!driver.isAlive()) {
                throw new IllegalStateException("chromedriver exited with " + driver.exitValue());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && JSON.readTree(r.body()).path("value").path("ready").asBoolean()) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("chromedriver not ready within 20 s");
    }

    /** Sends a Chrome DevTools command (e.g. to add an Authorization header to every request of the page). */
    void cdp(String command, Map<String, ?> params) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("cmd", command);
        body.set("params", JSON.valueToTree(params));
        post("/session/" + session + "/goog/cdp/execute", body);
    }

    void open(String url) throws Exception {
        post("/session/" + session + "/url", JSON.createObjectNode().put("url", url));
    }

    /** Runs a script in the page and returns its result as text ("" for null). */
    String script(String script) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("script", script);
        body.set("args", JSON.createArrayNode());
        JsonNode value = post("/session/" + session + "/execute/sync", body);
        return value.isNull() || value.isMissingNode() ? "" : value.asText();
    }

    private JsonNode post(String path, JsonNode body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode value = JSON.readTree(r.body()).path("value");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("WebDriver " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return value;
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                http.send(HttpRequest.newBuilder(URI.create(base + "/session/" + session)).DELETE()
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding());
            }
        } catch (Exception e) {
            // the processes are ended below anyway
        } finally {
            driver.descendants().forEach(ProcessHandle::destroyForcibly);
            driver.destroy();
            try {
                if (!driver.waitFor(5, TimeUnit.SECONDS)) {
                    driver.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                driver.destroyForcibly();
            }
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp dir; best effort
        }
    }
}
