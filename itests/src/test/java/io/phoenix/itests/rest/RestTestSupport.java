package io.phoenix.itests.rest;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phoenix.agent.api.AgentType;
import io.phoenix.itests.PhoenixTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.osgi.framework.ServiceRegistration;

/**
 * Real HTTP against the container's REST API (Java's HttpClient, HTTP/1.1) with the distribution's users:
 * {@code phoenix/phoenix} (admin group) and {@code viewer/viewer} (viewer role).
 */
public abstract class RestTestSupport extends PhoenixTestSupport {

    protected static final String ADMIN = "phoenix:phoenix";
    protected static final String VIEWER = "viewer:viewer";
    protected static final ObjectMapper JSON = new ObjectMapper();

    protected final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    /** An answer: status, headers and body text. */
    protected record Answer(int status, HttpResponse<String> response) {
        String body() {
            return response.body();
        }

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + response.body(), e);
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + response.body();
        }
    }

    protected URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + httpPort() + "/api/" + pathAndQuery);
    }

    protected Answer send(String method, String pathAndQuery, String credentials, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.build());
    }

    protected Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    protected Answer get(String path) {
        return send("GET", path, ADMIN, null);
    }

    protected Answer post(String path, String body) {
        return send("POST", path, ADMIN, body);
    }

    /** Asserts a JSON error answer: status, code, no stack trace, Retry-After on 429/503. */
    protected JsonNode assertError(Answer answer, int status, String code) {
        assertEquals(answer.toString(), status, answer.status());
        assertTrue(answer.toString(), String.valueOf(answer.header("Content-Type")).startsWith("application/json"));
        JsonNode body = answer.json();
        assertEquals(answer.toString(), code, body.path("error").asText());
        assertTrue(answer.toString(), body.has("message") && body.has("retryable"));
        assertFalse("no stack trace: " + answer, answer.body().contains("\tat ") || answer.body().contains(".java:"));
        if (status == 429 || status == 503) {
            assertTrue("Retry-After on " + answer, answer.header("Retry-After") != null);
        }
        return body;
    }

    /** Registers a {@link RestItAgent} type from the probe and waits until the runtime has it. */
    protected ServiceRegistration<?> registerType(String name, int mailboxCapacity) {
        ServiceRegistration<?> registration = bundleContext.registerService(AgentType.class,
                new RestItAgent(name, mailboxCapacity), null);
        registrations.add(registration);
        awaitType(name, t -> t.available(), "available");
        return registration;
    }

    /** Waits until the REST API answers (the servlet registers shortly after the runtime). */
    protected void awaitApi() {
        await("REST API up").atMost(WAIT).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> send("GET", "openapi.json", null, null).status() == 200);
        // Until the node has joined its (single-node) cluster, an unknown agent is "unavailable", not "not found".
        await("runtime joined its cluster").atMost(WAIT).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> send("GET", "agents/no-such-agent-probe", VIEWER, null).status() == 404);
    }

    protected void unregisterTypes() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException ignored) {
                // already gone
            }
        }
        registrations.clear();
    }

    protected static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
