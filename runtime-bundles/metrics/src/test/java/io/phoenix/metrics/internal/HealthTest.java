package io.phoenix.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.phoenix.metrics.internal.HealthServlet.Health;
import io.phoenix.runtime.management.RuntimeManagement;
import io.phoenix.grid.GridStatus;
import java.util.List;
import java.util.Map;
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
        assertEquals("UP", Health.ready(runtime, null, null, false).get("status"));
        assertEquals("standalone", Health.ready(runtime, null, null, false).get("cluster"));
        assertEquals("DOWN", Health.ready(null, null, null, false).get("status"));
    }

    @Test
    void readyClusteredNeedsAJoinedHealthyGrid() {
        assertEquals("DOWN", Health.ready(runtime, null, null, true).get("status"));
        assertEquals("NOT_STARTED", Health.ready(runtime, null, null, true).get("cluster"));
        ClusterProbe starting = () -> new ClusterView("STARTING", 0, 0, List.of());
        assertEquals("DOWN", Health.ready(runtime, starting, null, true).get("status"));
        ClusterProbe joined = () -> new ClusterView("JOINED", 2, 4, List.of());
        assertEquals("UP", Health.ready(runtime, joined, null, true).get("status"));
        assertEquals("DOWN", Health.ready(null, joined, null, true).get("status"));
        ClusterProbe troubled = () -> new ClusterView("JOINED", 2, 4, List.of("version mismatch"));
        assertEquals("DOWN", Health.ready(runtime, troubled, null, true).get("status"));
        ClusterProbe failing = () -> {
            throw new IllegalStateException("grid stopped");
        };
        assertEquals("DOWN", Health.ready(runtime, failing, null, true).get("status"));
    }

    /** Readiness and phoenix:cluster-status agree: without the cluster services, the grid's state is reported. */
    @Test
    void withoutTheClusterServicesTheGridsStateIsReported() {
        GridProbe noQuorum = () -> GridProbeComponent.view(new GridStatus(GridStatus.State.NO_QUORUM, "n1", 1,
                "1 server(s) seen, quorum.size is 2", List.of(), "1.0.0", "2.17.0"));
        Map<String, Object> body = Health.ready(runtime, null, noQuorum, true);
        assertEquals("NO_QUORUM", body.get("cluster"));
        assertEquals("DOWN", body.get("status"));
        assertEquals(List.of(GridProbeComponent.NOT_SERVING, "1 server(s) seen, quorum.size is 2"), body.get("problems"));
        ClusterProbe joined = () -> new ClusterView("JOINED", 2, 4, List.of());
        assertEquals("JOINED", Health.ready(runtime, joined, noQuorum, true).get("cluster"));
        assertEquals("NOT_STARTED", Health.ready(runtime, null, null, true).get("cluster"));
    }
}
