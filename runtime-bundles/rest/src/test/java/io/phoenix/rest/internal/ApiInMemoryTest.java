package io.phoenix.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phoenix.agent.api.AgentAlreadyExistsException;
import io.phoenix.agent.api.AgentFailedException;
import io.phoenix.agent.api.AgentInfo;
import io.phoenix.agent.api.AgentNotFoundException;
import io.phoenix.agent.api.AgentPage;
import io.phoenix.agent.api.AgentQuery;
import io.phoenix.agent.api.AgentRuntime;
import io.phoenix.agent.api.AgentStatus;
import io.phoenix.agent.api.AgentTimeoutException;
import io.phoenix.agent.api.MailboxFullException;
import io.phoenix.rest.internal.errors.ErrorBody;
import io.phoenix.rest.internal.resources.AgentListing;
import io.phoenix.runtime.management.AgentTypeInfo;
import io.phoenix.runtime.management.LatencySnapshot;
import io.phoenix.runtime.management.Listener;
import io.phoenix.runtime.management.NodeStatus;
import io.phoenix.runtime.management.RuntimeManagement;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.ws.rs.core.SecurityContext;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Jersey application without a servlet container: authentication and roles, JSON errors for Jersey's own
 * failures, one mapper per runtime failure, body limits and paging with a node filter, over a fake runtime.
 */
class ApiInMemoryTest {

    private static final AgentTypeInfo COUNTER = new AgentTypeInfo("counter", "1.0.0", "b", true, 1, 0, 0, 0, 0, 0);
    private static ExecutorService executor;
    private static ApplicationHandler app;

    @BeforeAll
    static void start() {
        executor = Executors.newFixedThreadPool(2);
        RestSettings defaults = RestSettings.defaults();
        RestSettings settings = new RestSettings(1000, defaults.defaultCallTimeout(), defaults.maxCallTimeout(), 3,
                10_000, 100_000, true, "karaf", defaults.viewerRoles(), defaults.adminRoles(),
                defaults.authCacheTtl(), 7);
        app = new ApplicationHandler(ApiApplication.create(runtime(), management(), () -> null,
                () -> List.of(new Listener("HTTP", "127.0.0.1", 8181, true)), settings,
                (user, password) -> Set.of("admin", "viewer").contains(user) && user.equals(new String(password))
                        ? Optional.of(user.equals("admin") ? Set.of("admin") : Set.of("viewer")) : Optional.empty(),
                executor));
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    private static AgentInfo info(String id, String node) {
        return new AgentInfo(id, "counter", "1.0.0", node, AgentStatus.ACTIVE, 0, 0);
    }

    /** Agents a-00..a-19 on nodes n0/n1 alternately; ids tell the fake which failure to give. */
    private static AgentRuntime runtime() {
        List<AgentInfo> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(info(String.format("a-%02d", i), "n" + (i % 2)));
        }
        return (AgentRuntime) Proxy.newProxyInstance(AgentRuntime.class.getClassLoader(),
                new Class<?>[] {AgentRuntime.class}, (proxy, method, args) -> {
                    String id = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                    switch (method.getName()) {
                        case "list": {
                            AgentQuery q = (AgentQuery) args[0];
                            List<AgentInfo> page = all.stream()
                                    .filter(a -> q.afterId() == null || a.id().compareTo(q.afterId()) > 0)
                                    .limit(q.limit()).toList();
                            String next = page.size() == q.limit() && !page.get(page.size() - 1).equals(all.get(19))
                                    ? page.get(page.size() - 1).id() : null;
                            return new AgentPage(page, next);
                        }
                        case "spawnJson":
                            return "dup".equals(args[1])
                                    ? CompletableFuture.failedFuture(new AgentAlreadyExistsException("dup", "exists"))
                                    : CompletableFuture.completedFuture(null);
                        case "info":
                            return "missing".equals(id)
                                    ? CompletableFuture.failedFuture(new AgentNotFoundException(id, "no agent " + id))
                                    : CompletableFuture.completedFuture(info(id, "n0"));
                        case "stateJson":
                            return CompletableFuture.completedFuture("{\"value\":3}");
                        case "callJson":
                            return switch (id) {
                                case "missing" -> CompletableFuture.failedFuture(new AgentNotFoundException(id, "no"));
                                case "slow" -> CompletableFuture.failedFuture(
                                        new AgentTimeoutException(id, "no reply within 5 ms", true));
                                case "throws" -> CompletableFuture.failedFuture(
                                        new AgentFailedException(id, "counter threw IllegalStateException: boom"));
                                default -> CompletableFuture.completedFuture("{\"echo\":" + args[1] + "}");
                            };
                        case "castJson":
                            if ("full".equals(id)) {
                                throw new MailboxFullException(id, "mailbox full");
                            }
                            return null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private static RuntimeManagement management() {
        return new RuntimeManagement() {
            @Override
            public String nodeId() {
                return "n0";
            }

            @Override
            public List<AgentTypeInfo> types() {
                return List.of(COUNTER);
            }

            @Override
            public Optional<AgentTypeInfo> type(String typeName) {
                return "counter".equals(typeName) ? Optional.of(COUNTER) : Optional.empty();
            }

            @Override
            public NodeStatus status() {
                return new NodeStatus("n0", Instant.now(), 1, 20, 20, 0, 0, 0, 2);
            }

            @Override
            public LatencySnapshot messageLatency() {
                return LatencySnapshot.empty();
            }

            @Override
            public Map<String, LatencySnapshot> messageLatencyByType() {
                return Map.of("counter", LatencySnapshot.empty());
            }
        };
    }

    private static ContainerResponse send(String method, String path, String user, String body, String contentType)
            throws Exception {
        ContainerRequest request = new ContainerRequest(URI.create("http://localhost/api/"),
                URI.create("http://localhost/api/" + path), method, null, new MapPropertiesDelegate(), null);
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            request.header("Content-Type", contentType);
            request.header("Content-Length", String.valueOf(bytes.length));
            request.setEntityStream(new ByteArrayInputStream(bytes));
        }
        request.setSecurityContext(new SecurityContext() {
            public java.security.Principal getUserPrincipal() {
                return null;
            }

            public boolean isUserInRole(String role) {
                return false;
            }

            public boolean isSecure() {
                return false;
            }

            public String getAuthenticationScheme() {
                return null;
            }
        });
        return app.apply(request).get(10, TimeUnit.SECONDS);
    }

    private static ContainerResponse send(String method, String path, String user, String body) throws Exception {
        return send(method, path, user, body, "application/json");
    }

    private static ErrorBody error(ContainerResponse response, int status, String code) {
        assertEquals(status, response.getStatus(), () -> "status of " + response.getEntity());
        assertTrue(response.getEntity() instanceof ErrorBody, () -> "JSON error body, was " + response.getEntity());
        ErrorBody body = (ErrorBody) response.getEntity();
        assertEquals(code, body.error());
        assertEquals("application/json", response.getMediaType().toString());
        return body;
    }

    @Test
    void credentialsAndRoles() throws Exception {
        ContainerResponse none = send("GET", "types", null, null);
        error(none, 401, "unauthorized");
        assertNotNull(none.getHeaderString("WWW-Authenticate"));
        error(send("GET", "types", "wrong", null, null) , 401, "unauthorized");
        assertEquals(200, send("GET", "types", "viewer", null).getStatus());
        error(send("POST", "agents/a-01/cast", "viewer", "{}"), 403, "forbidden");
        assertEquals(202, send("POST", "agents/a-01/cast", "admin", "{}").getStatus());
        assertEquals(200, send("GET", "openapi.json", null, null).getStatus());
    }

    @Test
    void clusterListsThisNodesListenersNextToTheReport() throws Exception {
        ContainerResponse response = send("GET", "cluster", "viewer", null);
        assertEquals(200, response.getStatus());
        com.fasterxml.jackson.databind.JsonNode json = ApiApplication.objectMapper().valueToTree(response.getEntity());
        assertEquals("STANDALONE", json.path("state").asText(), json::toString);
        assertFalse(json.has("cluster"), json::toString);
        assertEquals("HTTP", json.path("listeners").path(0).path("name").asText(), json::toString);
        assertEquals("127.0.0.1", json.path("listeners").path(0).path("address").asText());
        assertEquals(8181, json.path("listeners").path(0).path("port").asInt());
        assertTrue(json.path("listeners").path(0).path("configured").asBoolean());
    }

    @Test
    void jerseyErrorsAreJson() throws Exception {
        error(send("GET", "nowhere", "admin", null), 404, "not_found");
        error(send("PUT", "agents", "admin", "{}"), 405, "method_not_allowed");
        error(send("POST", "agents", "admin", "x", "text/plain"), 415, "unsupported_media_type");
        error(send("GET", "agents?limit=abc", "admin", null), 400, "bad_parameter");
        error(send("GET", "agents?limit=0", "admin", null), 400, "bad_parameter");
        error(send("POST", "agents/a-01/call?timeout=-5", "admin", "{}"), 400, "bad_parameter");
    }

    @Test
    void bodies() throws Exception {
        error(send("POST", "agents", "admin", "{\"type\":"), 400, "malformed_json");
        error(send("POST", "agents", "admin", "[1]"), 400, "bad_request");
        error(send("POST", "agents", "admin", "{\"type\":\"counter\"}"), 400, "bad_request");
        error(send("POST", "agents", "admin", "{\"type\":\"counter\",\"id\":\"x\",\"extra\":1}"), 400, "bad_request");
        error(send("POST", "agents", "admin", ""), 400, "empty_body");
        error(send("POST", "agents/a-01/call", "admin", "\"" + "x".repeat(2000) + "\""), 400, "body_too_large");
    }

    @Test
    void runtimeFailures() throws Exception {
        error(send("POST", "agents", "admin", "{\"type\":\"nope\",\"id\":\"x\"}"), 404, "type_not_found");
        ErrorBody dup = error(send("POST", "agents", "admin", "{\"type\":\"counter\",\"id\":\"dup\"}"), 409,
                "agent_exists");
        assertEquals("dup", dup.agentId());
        error(send("GET", "agents/missing", "viewer", null), 404, "agent_not_found");
        error(send("POST", "agents/missing/call", "admin", "{}"), 404, "agent_not_found");
        ErrorBody timeout = error(send("POST", "agents/slow/call", "admin", "{}"), 504, "timeout");
        assertEquals(Boolean.TRUE, timeout.delivered());
        assertFalse(timeout.retryable());
        ContainerResponse full = send("POST", "agents/full/cast", "admin", "{}");
        assertTrue(error(full, 429, "mailbox_full").retryable());
        assertEquals("7", full.getHeaderString("Retry-After"));
        ErrorBody failed = error(send("POST", "agents/throws/call", "admin", "{}"), 500, "agent_failed");
        assertFalse(failed.message().contains("\tat "));
    }

    @Test
    void spawnCallAndPaging() throws Exception {
        ContainerResponse spawned = send("POST", "agents", "admin", "{\"type\":\"counter\",\"id\":\"c 1\",\"state\":{\"value\":2}}");
        assertEquals(201, spawned.getStatus());
        assertEquals("http://localhost/api/agents/c%201", spawned.getHeaderString("Location"));
        ContainerResponse reply = send("POST", "agents/a-01/call", "admin", "{\"op\":\"get\"}");
        assertEquals(200, reply.getStatus());
        assertEquals("{\"echo\":{\"op\":\"get\"}}", reply.getEntity());

        AgentListing first = (AgentListing) send("GET", "agents", "viewer", null).getEntity();
        assertEquals(List.of("a-00", "a-01", "a-02"), first.agents().stream().map(AgentInfo::id).toList());
        assertEquals("a-02", first.nextCursor());

        List<String> onN1 = new ArrayList<>();
        String cursor = null;
        do {
            AgentListing page = (AgentListing) send("GET", "agents?node=n1&limit=4"
                    + (cursor == null ? "" : "&cursor=" + cursor), "viewer", null).getEntity();
            page.agents().forEach(a -> onN1.add(a.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(List.of("a-01", "a-03", "a-05", "a-07", "a-09", "a-11", "a-13", "a-15", "a-17", "a-19"), onN1);
    }

    /** Runs {@code request} and returns what the audit logger wrote (slf4j-simple writes to stderr). */
    private static String audit(Request request) throws Exception {
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        java.io.PrintStream previous = System.err;
        System.setErr(new java.io.PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            request.send();
        } finally {
            System.setErr(previous);
        }
        return log.toString(StandardCharsets.UTF_8);
    }

    private interface Request {
        void send() throws Exception;
    }

    private static void assertAudited(String log, String line) {
        assertTrue(log.contains(line), () -> "expected '" + line + "' in:\n" + log);
    }

    @Test
    void administrativeRequestsAreAuditedWithUserAndOutcome() throws Exception {
        assertAudited(audit(() -> send("POST", "agents", "admin", "{\"type\":\"counter\",\"id\":\"au1\"}")),
                "user=admin source=rest action=spawn target=counter/au1 outcome=ok");
        assertAudited(audit(() -> send("POST", "agents", "admin", "{\"type\":\"counter\",\"id\":\"dup\"}")),
                "user=admin source=rest action=spawn target=dup outcome=error:agent_exists");
        assertAudited(audit(() -> send("DELETE", "agents/au1", "viewer", null)),
                "user=viewer source=rest action=stop target=au1 outcome=error:forbidden");
        assertAudited(audit(() -> send("POST", "agents/missing/migrate", "admin", "{\"node\":\"n0\"}")),
                "user=admin source=rest action=migrate target=missing outcome=error:agent_not_found");
        String reads = audit(() -> {
            send("GET", "agents", "viewer", null);
            send("POST", "agents/a-01/call", "admin", "{}");
        });
        assertFalse(reads.contains("source=rest"), reads);
    }
}
