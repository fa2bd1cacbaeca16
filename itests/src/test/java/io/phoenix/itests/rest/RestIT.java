package io.phoenix.itests.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The REST API over real HTTP in the distribution: every endpoint, every error status, authentication and roles,
 * oversized and malformed bodies, a paging walk over 10,000 agents, and the overhead of a REST call over an
 * in-process call (printed as REST-OVERHEAD).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RestIT extends RestTestSupport {

    @Inject
    private ConfigurationAdmin configurationAdmin;

    private static final String TYPE = "rest-it";

    @Before
    public void types() {
        awaitApi();
        registerType(TYPE, 10_000);
    }

    @After
    public void cleanup() {
        unregisterTypes();
    }

    @Test
    public void everyEndpoint() {
        String id = uniqueId("r");
        JsonNode types = get("types").json();
        assertTrue(types.toString(), types.findValuesAsText("name").contains(TYPE));
        assertEquals(TYPE, get("types/" + TYPE).json().path("name").asText());

        Answer spawned = post("agents", "{\"type\":\"" + TYPE + "\",\"id\":\"" + id + "\",\"state\":{\"n\":41}}");
        assertEquals(spawned.toString(), 201, spawned.status());
        assertEquals(uri("agents/" + id).toString(), spawned.header("Location"));
        assertEquals(id, spawned.json().path("id").asText());

        JsonNode agent = get("agents/" + id).json();
        assertEquals(TYPE, agent.path("type").asText());
        assertEquals(management.nodeId(), agent.path("node").asText());
        assertEquals(41, agent.path("state").path("n").asLong());
        assertTrue(agent.has("typeVersion") && agent.has("mailboxDepth") && agent.has("status"));

        Answer reply = post("agents/" + id + "/call", "{\"op\":\"inc\"}");
        assertEquals(reply.toString(), 200, reply.status());
        assertEquals(42, reply.json().path("n").asLong());
        assertEquals(200, post("agents/" + id + "/call?timeout=2000", "{\"op\":\"get\"}").status());

        assertEquals(202, post("agents/" + id + "/cast", "{\"op\":\"inc\"}").status());
        assertEquals(43, post("agents/" + id + "/call", "{\"op\":\"get\"}").json().path("n").asLong());

        JsonNode page = get("agents?type=" + TYPE + "&limit=10000").json();
        assertTrue(page.toString(), page.path("agents").findValuesAsText("id").contains(id));
        JsonNode onNode = get("agents?type=" + TYPE + "&node=" + management.nodeId() + "&limit=10000").json();
        assertTrue(onNode.path("agents").findValuesAsText("id").contains(id));
        assertEquals(0, get("agents?type=" + TYPE + "&node=no-such-node").json().path("agents").size());

        JsonNode cluster = get("cluster").json();
        assertEquals(management.nodeId(), cluster.path("localNode").asText());
        assertTrue(cluster.toString(), cluster.path("nodes").findValuesAsText("id").contains(management.nodeId()));
        assertEquals("up", cluster.path("nodes").path(0).path("health").asText());

        Answer migrated = post("agents/" + id + "/migrate", "{\"node\":\"" + management.nodeId() + "\"}");
        assertEquals(migrated.toString(), 200, migrated.status());
        assertEquals(management.nodeId(), migrated.json().path("node").asText());
        assertEquals(43, post("agents/" + id + "/call", "{\"op\":\"get\"}").json().path("n").asLong());

        assertEquals(204, send("DELETE", "agents/" + id, ADMIN, null).status());
        assertError(get("agents/" + id), 404, "agent_not_found");

        JsonNode openapi = send("GET", "openapi.json", null, null).json();
        assertEquals("3.0.3", openapi.path("openapi").asText());
        assertTrue(openapi.path("paths").has("/agents/{id}/call"));
    }

    @Test
    public void everyErrorStatus() throws Exception {
        String id = uniqueId("e");
        assertEquals(201, post("agents", "{\"type\":\"" + TYPE + "\",\"id\":\"" + id + "\"}").status());

        // 400: malformed, wrong shape, empty, oversized (1 MiB + 1), not UTF-8, bad parameters, bad message
        assertError(post("agents", "{\"type\":"), 400, "malformed_json");
        assertError(post("agents", "[]"), 400, "bad_request");
        assertError(post("agents", "{\"type\":\"" + TYPE + "\"}"), 400, "bad_request");
        assertError(post("agents", "{\"type\":\"" + TYPE + "\",\"id\":\"x\",\"bogus\":true}"), 400, "bad_request");
        assertError(post("agents/" + id + "/call", ""), 400, "empty_body");
        assertError(post("agents/" + id + "/call", "\"" + "x".repeat(1_048_576) + "\""), 400, "body_too_large");
        assertError(send(HttpRequest.newBuilder(uri("agents/" + id + "/cast"))
                .header("Authorization", "Basic cGhvZW5peDpwaG9lbml4").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'"', (byte) 0xC3, (byte) 0x28, '"'}))
                .build()), 400, "bad_encoding");
        assertError(get("agents?limit=0"), 400, "bad_parameter");
        assertError(get("agents?limit=10001"), 400, "bad_parameter");
        assertError(get("agents?limit=ten"), 400, "bad_parameter");
        assertError(post("agents/" + id + "/call?timeout=0", "{\"op\":\"get\"}"), 400, "bad_parameter");
        assertError(post("agents/" + id + "/call?timeout=600001", "{\"op\":\"get\"}"), 400, "bad_parameter");
        assertError(post("agents/" + id + "/call", "{\"op\":"), 400, "bad_message");
        assertError(post("agents/" + id + "/call", "{\"op\":\"no-such-op\"}"), 400, "bad_message");
        assertError(post("agents/" + id + "/migrate", "{\"node\":\"no-such-node\"}"), 400, "unknown_node");

        // 404: unknown agent, unknown type, unknown path; 405; 409; 415
        JsonNode missing = assertError(post("agents/nobody-" + id + "/call", "{\"op\":\"get\"}"), 404,
                "agent_not_found");
        assertEquals("nobody-" + id, missing.path("agentId").asText());
        assertError(post("agents/nobody-" + id + "/cast", "{}"), 404, "agent_not_found");
        assertError(send("DELETE", "agents/nobody-" + id, ADMIN, null), 404, "agent_not_found");
        assertError(post("agents/nobody-" + id + "/migrate", "{\"node\":\"x\"}"), 404, "agent_not_found");
        assertError(post("agents", "{\"type\":\"no-such-type\",\"id\":\"" + id + "-t\"}"), 404, "type_not_found");
        assertError(get("types/no-such-type"), 404, "type_not_found");
        assertError(get("no/such/path"), 404, "not_found");
        Answer wrongMethod = send("PUT", "agents/" + id, ADMIN, "{}");
        assertError(wrongMethod, 405, "method_not_allowed");
        assertNotNull(wrongMethod.header("Allow"));
        assertError(post("agents", "{\"type\":\"" + TYPE + "\",\"id\":\"" + id + "\"}"), 409, "agent_exists");
        assertError(send(HttpRequest.newBuilder(uri("agents")).header("Authorization", "Basic cGhvZW5peDpwaG9lbml4")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")).build()), 415,
                "unsupported_media_type");

        // 500: the agent threw (documented: the server side's code failed, never a stack trace)
        JsonNode failed = assertError(post("agents/" + id + "/call", "{\"op\":\"fail-on-purpose\"}"), 500,
                "agent_failed");
        assertFalse(failed.path("retryable").asBoolean());

        // 504: no reply within ?timeout=; delivered = the agent had started on it
        JsonNode timeout = assertError(post("agents/" + id + "/call?timeout=200", "{\"op\":\"sleep\",\"ms\":1500}"),
                504, "timeout");
        assertTrue(timeout.toString(), timeout.has("delivered"));
        assertTrue(timeout.path("delivered").asBoolean());
        assertEquals(id, timeout.path("agentId").asText());

        // 429: a full mailbox (capacity 2, the agent busy sleeping)
        String small = uniqueId("small");
        registerType("rest-it-small", 2);
        assertEquals(201, post("agents", "{\"type\":\"rest-it-small\",\"id\":\"" + small + "\"}").status());
        CompletableFuture<String> busy = runtime.callJson(small, "{\"op\":\"sleep\",\"ms\":1500}",
                Duration.ofSeconds(5)).toCompletableFuture();
        Answer full = null;
        for (int i = 0; i < 20 && (full == null || full.status() != 429); i++) {
            full = post("agents/" + small + "/cast", "{\"op\":\"inc\"}");
        }
        JsonNode mailbox = assertError(full, 429, "mailbox_full");
        assertTrue(mailbox.path("retryable").asBoolean());
        busy.get(10, TimeUnit.SECONDS);

        // 503: the type went away (bundle stopped / being upgraded): spawn and call get 503 with Retry-After
        String gone = uniqueId("gone");
        ServiceRegistration<?> goneType = registerType("rest-it-gone", 100);
        assertEquals(201, post("agents", "{\"type\":\"rest-it-gone\",\"id\":\"" + gone + "\"}").status());
        goneType.unregister();
        awaitType("rest-it-gone", t -> !t.available(), "suspended");
        assertError(post("agents", "{\"type\":\"rest-it-gone\",\"id\":\"" + gone + "-2\"}"), 503,
                "type_not_available");
        assertError(post("agents/" + gone + "/call?timeout=300", "{\"op\":\"get\"}"), 503, "type_not_available");
    }

    /**
     * A refused request whose body the API did not read (unauthenticated, unknown path, over body.max.bytes) still
     * gets its JSON answer, and the connection stays usable: the unread body is discarded first. Without that, the
     * server closes a connection with unread bytes and the TCP reset can destroy the answer before the client reads it.
     */
    @Test
    public void refusedLargeBodiesGetTheirAnswerOnAReusableConnection() throws Exception {
        String id = uniqueId("big");
        assertEquals(201, post("agents", "{\"type\":\"" + TYPE + "\",\"id\":\"" + id + "\"}").status());
        String admin = Base64.getEncoder().encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8));
        try (RawHttpConnection connection = new RawHttpConnection(httpPort())) {
            RawHttpConnection.RawAnswer unauthenticated = connection.send("POST", "/api/agents/" + id + "/call", null,
                    3 * 1024 * 1024);
            assertEquals(unauthenticated.toString(), 401, unauthenticated.status());
            assertTrue(unauthenticated.body(), unauthenticated.body().contains("\"unauthorized\""));
            assertFalse("close".equalsIgnoreCase(unauthenticated.headers().get("connection")));

            RawHttpConnection.RawAnswer unknownPath = connection.send("POST", "/api/no/such/path", admin, 900_000);
            assertEquals(unknownPath.toString(), 404, unknownPath.status());

            RawHttpConnection.RawAnswer tooLarge = connection.send("POST", "/api/agents/" + id + "/call", admin,
                    5 * 1024 * 1024);
            assertEquals(tooLarge.toString(), 400, tooLarge.status());
            assertTrue(tooLarge.body(), tooLarge.body().contains("\"body_too_large\""));

            RawHttpConnection.RawAnswer after = connection.send("GET", "/api/agents/" + id, admin, 0);
            assertEquals(after.toString(), 200, after.status());
        }
    }

    /**
     * 503 agent_unavailable (with Retry-After): the type's placement policy admits no node of this cluster, so a new
     * agent of it has nowhere to go — said at once, not after a timeout.
     */
    @Test
    public void spawnWithNoNodeForThePlacementPolicyIsUnavailable() throws Exception {
        registerType("rest-it-gpu", 100);
        Configuration placement = configurationAdmin.getConfiguration("io.phoenix.placement", null);
        Dictionary<String, Object> original = placement.getProperties();
        Dictionary<String, Object> changed = new Hashtable<>();
        if (original != null) {
            for (String key : java.util.Collections.list(original.keys())) {
                changed.put(key, original.get(key));
            }
        }
        changed.put("type.rest-it-gpu", "where role=gpu");
        placement.update(changed);
        try {
            String id = uniqueId("gpu");
            Answer refused = org.awaitility.Awaitility.await("the placement policy applies").atMost(WAIT)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> post("agents", "{\"type\":\"rest-it-gpu\",\"id\":\"" + id + "\"}"),
                            a -> a.status() != 201 || deleteAgain(id));
            JsonNode error = assertError(refused, 503, "agent_unavailable");
            assertTrue(error.toString(), error.path("message").asText().contains("where role=gpu"));
            assertTrue(error.path("retryable").asBoolean());
            assertNotNull(refused.header("Retry-After"));
            assertError(get("agents/" + id), 404, "agent_not_found");
        } finally {
            if (original != null) {
                placement.update(original);
            } else {
                placement.delete();
            }
        }
        // back to affinity: the same type is placed again
        String id = uniqueId("gpu-after");
        org.awaitility.Awaitility.await("the placement policy is gone").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> post("agents", "{\"type\":\"rest-it-gpu\",\"id\":\"" + id + "\"}").status() == 201);
    }

    /** A spawn that succeeded before the policy applied: undone, so that the next attempt is a new agent again. */
    private boolean deleteAgain(String id) {
        send("DELETE", "agents/" + id, ADMIN, null);
        return false;
    }

    @Test
    public void authenticationAndRoles() {
        String id = uniqueId("auth");
        Answer none = send("GET", "types", null, null);
        assertError(none, 401, "unauthorized");
        assertTrue(none.header("WWW-Authenticate").startsWith("Basic"));
        assertError(send("GET", "types", "phoenix:wrong", null), 401, "unauthorized");
        assertError(send("GET", "types", "nobody:nothing", null), 401, "unauthorized");
        assertError(send(HttpRequest.newBuilder(uri("types")).header("Authorization", "Basic !!!").build()), 401,
                "unauthorized");
        assertError(send("POST", "agents", null, "{\"type\":\"" + TYPE + "\",\"id\":\"" + id + "\"}"), 401,
                "unauthorized");
        assertEquals(200, send("GET", "openapi.json", null, null).status());

        // viewer: reads only
        assertEquals(200, send("GET", "types", VIEWER, null).status());
        assertEquals(200, send("GET", "agents", VIEWER, null).status());
        assertEquals(200, send("GET", "cluster", VIEWER, null).status());
        assertError(send("POST", "agents", VIEWER, "{\"type\":\"" + TYPE + "\",\"id\":\"" + id + "\"}"), 403,
                "forbidden");
        assertError(get("agents/" + id), 404, "agent_not_found");

        // admin (the phoenix user, through Karaf's admingroup): everything
        assertEquals(201, send("POST", "agents", ADMIN, "{\"type\":\"" + TYPE + "\",\"id\":\"" + id + "\"}").status());
        assertEquals(200, send("GET", "agents/" + id, VIEWER, null).status());
        assertError(send("POST", "agents/" + id + "/call", VIEWER, "{\"op\":\"get\"}"), 403, "forbidden");
        assertError(send("POST", "agents/" + id + "/cast", VIEWER, "{\"op\":\"inc\"}"), 403, "forbidden");
        assertError(send("POST", "agents/" + id + "/migrate", VIEWER, "{\"node\":\"x\"}"), 403, "forbidden");
        assertError(send("DELETE", "agents/" + id, VIEWER, null), 403, "forbidden");
        assertEquals(200, send("POST", "agents/" + id + "/call", ADMIN, "{\"op\":\"get\"}").status());
        assertEquals(204, send("DELETE", "agents/" + id, ADMIN, null).status());
    }

    @Test
    public void pagingWalkOverTenThousandAgents() throws Exception {
        String type = "rest-it-page";
        registerType(type, 100);
        int count = 10_000;
        long start = System.nanoTime();
        Semaphore inFlight = new Semaphore(256);
        List<CompletableFuture<?>> spawns = new ArrayList<>(count);
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = String.format("page-%05d", i);
            inFlight.acquire();
            spawns.add(runtime.spawnJson(type, ids[i], null).toCompletableFuture()
                    .whenComplete((r, e) -> inFlight.release()));
        }
        CompletableFuture.allOf(spawns.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        long spawnMs = (System.nanoTime() - start) / 1_000_000;
        Arrays.sort(ids);

        for (int limit : new int[] {1_000, 777}) {
            long walkStart = System.nanoTime();
            List<String> walked = walk("agents?type=" + type + "&limit=" + limit);
            long walkMs = (System.nanoTime() - walkStart) / 1_000_000;
            assertEquals(Arrays.asList(ids), walked);
            System.out.printf("REST-PAGING spawned %d agents in-process in %d ms; walked them over HTTP with "
                    + "limit=%d in %d ms (%d pages)%n", count, spawnMs, limit, walkMs, (count + limit - 1) / limit);
        }
        // with the node filter: every agent is on this (only) node
        List<String> onNode = walk("agents?type=" + type + "&node=" + management.nodeId() + "&limit=2500");
        assertEquals(Arrays.asList(ids), onNode);
    }

    private List<String> walk(String query) {
        List<String> walked = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = get(query + (cursor == null ? "" : "&cursor=" + cursor)).json();
            for (JsonNode agent : page.path("agents")) {
                String id = agent.path("id").asText();
                assertTrue("each id once: " + id, seen.add(id));
                walked.add(id);
            }
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            assertTrue("bounded walk", ++pages < 1_000);
        } while (cursor != null);
        return walked;
    }

    @Test
    public void restOverheadOverInProcessCalls() throws Exception {
        String id = uniqueId("bench");
        assertEquals(201, post("agents", "{\"type\":\"" + TYPE + "\",\"id\":\"" + id + "\"}").status());
        int n = 2_000;
        int warmup = 300;
        long[] rest = new long[n];
        long[] local = new long[n];
        String message = "{\"op\":\"inc\"}";
        for (int i = -warmup; i < n; i++) {
            long t0 = System.nanoTime();
            Answer answer = post("agents/" + id + "/call", message);
            long t1 = System.nanoTime();
            assertEquals(200, answer.status());
            if (i >= 0) {
                rest[i] = t1 - t0;
            }
        }
        for (int i = -warmup; i < n; i++) {
            long t0 = System.nanoTime();
            runtime.callJson(id, message, CALL_TIMEOUT).toCompletableFuture().get(10, TimeUnit.SECONDS);
            long t1 = System.nanoTime();
            if (i >= 0) {
                local[i] = t1 - t0;
            }
        }
        Arrays.sort(rest);
        Arrays.sort(local);
        System.out.printf("REST-OVERHEAD %d sequential calls: POST /api/agents/{id}/call p50 %d us, p99 %d us; "
                        + "in-process AgentRuntime.callJson p50 %d us, p99 %d us; REST adds p50 %d us, p99 %d us%n", n,
                percentile(rest, 0.50) / 1000, percentile(rest, 0.99) / 1000, percentile(local, 0.50) / 1000,
                percentile(local, 0.99) / 1000, (percentile(rest, 0.50) - percentile(local, 0.50)) / 1000,
                (percentile(rest, 0.99) - percentile(local, 0.99)) / 1000);
        assertEquals(2L * (n + warmup), post("agents/" + id + "/call", "{\"op\":\"get\"}").json().path("n").asLong());
    }
}
