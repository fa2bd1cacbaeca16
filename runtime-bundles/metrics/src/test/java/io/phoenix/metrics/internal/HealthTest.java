package io.phoenix.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.phoenix.metrics.internal.HealthServlet.Health;
import io.phoenix.runtime.management.RuntimeManagement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Liveness and readiness rules. */
class HealthTest {

    private final RuntimeManagement runtime = mock(RuntimeManagement.class);

    HealthTest() {
        when(runtime.nodeId()).thenReturn("n1");
    }

    @Test
    void liveWhileTheRuntimeIsThere() {
        assertEquals("UP", Health.live(runtime).get("status"));
        assertEquals("n1", Health.live(runtime).get("node"));
        assertEquals("DOWN", Health.live(null).get("status"));
    }

    @Test
    void readyStandaloneNeedsOnlyTheRuntime() {
        assertEquals("UP", Health.ready(runtime, null, false).get("status"));
        assertEquals("standalone", Health.ready(runtime, null, false).get("cluster"));
        assertEquals("DOWN", Health.ready(null, null, false).get("status"));
    }

    @Test
    void readyClusteredNeedsAJoinedHealthyGrid() {
        assertEquals("DOWN", Health.ready(runtime, null, true).get("status"));
        assertEquals("NOT_STARTED", Health.ready(runtime, null, true).get("cluster"));
        ClusterProbe starting = () -> new ClusterView("STARTING", 0, 0, List.of());
        assertEquals("DOWN", Health.ready(runtime, starting, true).get("status"));
        ClusterProbe joined = () -> new ClusterView("JOINED", 2, 4, List.of());
        assertEquals("UP", Health.ready(runtime, joined, true).get("status"));
        assertEquals("DOWN", Health.ready(null, joined, true).get("status"));
        ClusterProbe troubled = () -> new ClusterView("JOINED", 2, 4, List.of("version mismatch"));
        assertEquals("DOWN", Health.ready(runtime, troubled, true).get("status"));
        ClusterProbe failing = () -> {
            throw new IllegalStateException("grid stopped");
        };
        assertEquals("DOWN", Health.ready(runtime, failing, true).get("status"));
    }
}
