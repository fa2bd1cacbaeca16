package io.phoenix.itests.monitoring;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * Metrics, health and the dashboard's HTTP side in the real distribution, over real HTTP: /metrics parses as
 * Prometheus text and follows agents being spawned and called; /health/live and /health/ready; the dashboard's
 * page and data behind HTTP Basic against the JAAS realm.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MetricsIT extends MonitoringTestSupport {

    @Test
    public void metricsFollowAgentsSpawnedAndCalled() throws Exception {
        awaitBundle("io.phoenix.metrics", Bundle.ACTIVE);
        awaitStatus("/metrics", null, 200);
        deployCounter();
        String node = management.nodeId();
        String type = "node=\"" + node + "\",type=\"counter\"";

        HttpResponse<String> response = get("/metrics", null);
        assertTrue(response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        Map<String, Double> before = parsePrometheus(response.body());
        assertEquals("one node, joined", 1.0, value(before, "phoenix_cluster_nodes{node=\"" + node + "\"}"), 0);
        assertEquals(1.0, value(before, "phoenix_cluster_joined{node=\"" + node + "\"}"), 0);
        assertTrue("JVM memory", before.containsKey("jvm_memory_used_bytes{area=\"heap\"}"));
        assertTrue("process CPU", before.containsKey("process_cpu_seconds_total"));

        int agents = 3;
        int callsEach = 4;
        for (int i = 0; i < agents; i++) {
            String id = uniqueId("metrics");
            spawnCounter(id);
            for (int c = 0; c < callsEach; c++) {
                call(id, "{\"op\":\"inc\",\"by\":1}", CALL_TIMEOUT);
            }
        }

        // Events reach the metrics asynchronously (the runtime's event thread): wait for them, bounded.
        Map<String, Double> after = await("metrics follow the agents").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(this::scrape, s -> value(s, "phoenix_agents_spawned_total{" + type + "}")
                        >= value(before, "phoenix_agents_spawned_total{" + type + "}") + agents
                        && value(s, "phoenix_agent_startup_seconds_count{" + type + "}")
                        >= value(before, "phoenix_agent_startup_seconds_count{" + type + "}") + agents);
        assertEquals(agents, value(after, "phoenix_agents_spawned_total{" + type + "}")
                - value(before, "phoenix_agents_spawned_total{" + type + "}"), 0);
        assertEquals(agents, value(after, "phoenix_agents{" + type + "}")
                - value(before, "phoenix_agents{" + type + "}"), 0);
        assertEquals(agents * callsEach, value(after, "phoenix_messages_handled_total{" + type + "}")
                - value(before, "phoenix_messages_handled_total{" + type + "}"), 0);
        assertTrue("startup time observed", value(after, "phoenix_agent_startup_seconds_sum{" + type + "}") > 0);
        assertEquals(1.0, value(after, "phoenix_agent_type_available{" + type + ",version=\""
                + management.type("counter").orElseThrow().version() + "\"}"), 0);
    }

    @Test
    public void healthLiveAndReady() throws Exception {
        awaitStatus("/health/live", null, 200);
        HttpResponse<String> live = get("/health/live", null);
        assertEquals("application/json", live.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(live.body(), live.body().contains("\"status\":\"UP\""));
        assertTrue(live.body(), live.body().contains("\"node\":\"" + management.nodeId() + "\""));

        // ready = runtime up and, with the cluster bundle installed (it is in the distribution), the grid joined
        awaitStatus("/health/ready", null, 200);
        String ready = get("/health/ready", null).body();
        assertTrue(ready, ready.contains("\"status\":\"UP\"") && ready.contains("\"cluster\":\"JOINED\""));
        assertEquals(404, get("/health/unknown", null).statusCode());
    }

    @Test
    public void dashboardNeedsAViewerOrAdmin() throws Exception {
        awaitBundle("io.phoenix.dashboard", Bundle.ACTIVE);
        awaitStatus("/dashboard/", basic("phoenix", "phoenix"), 200);

        HttpResponse<String> anonymous = get("/dashboard/", null);
        assertEquals(401, anonymous.statusCode());
        assertNotNull(anonymous.headers().firstValue("WWW-Authenticate").orElse(null));
        assertEquals(401, get("/dashboard/data", null).statusCode());
        assertEquals(401, get("/dashboard/data", basic("phoenix", "wrong")).statusCode());

        HttpResponse<String> page = get("/dashboard/", basic("viewer", "viewer"));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script src=\"dashboard.js\""));
        assertTrue("no external resources", !page.body().contains("http://") && !page.body().contains("https://"));
        assertEquals(200, get("/dashboard/dashboard.js", basic("viewer", "viewer")).statusCode());
        assertEquals(404, get("/dashboard/nothing-here", basic("viewer", "viewer")).statusCode());

        HttpResponse<String> data = get("/dashboard/data", basic("phoenix", "phoenix"));
        assertEquals(200, data.statusCode());
        assertTrue(data.body(), data.body().contains("\"id\":\"" + management.nodeId() + "\""));
        assertTrue(data.body(), data.body().contains("\"mode\":\"clustered\""));
        // /metrics and /health stay open for scrapers and probes
        assertEquals(200, get("/metrics", null).statusCode());
    }
}
