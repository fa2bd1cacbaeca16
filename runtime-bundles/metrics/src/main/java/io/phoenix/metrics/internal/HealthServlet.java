package io.phoenix.metrics.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.phoenix.runtime.management.RuntimeManagement;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * GET /health/live and /health/ready for orchestrators, with a small JSON body. The runtime, the cluster and the
 * grid are bound optionally, so the endpoints answer 503 (not 404) while one is missing.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/health/*",
        "osgi.http.whiteboard.servlet.name=phoenix-health"})
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient BundleContext context;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile RuntimeManagement runtime;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile ClusterProbe cluster;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile GridProbe grid;

    @Activate
    public HealthServlet(BundleContext context) {
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        Map<String, Object> body;
        switch (path) {
            case "/live" -> body = Health.live(runtime);
            case "/ready" -> body = Health.ready(runtime, cluster, grid, ClusterBundle.installed(context));
            default -> {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        response.setStatus("UP".equals(body.get("status")) ? HttpServletResponse.SC_OK
                : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getOutputStream(), body);
    }

    /** The health rules, without servlet or OSGi, for unit tests. */
    static final class Health {

        private Health() {
        }

        static Map<String, Object> live(RuntimeManagement runtime) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", runtime != null ? "UP" : "DOWN");
            body.put("runtime", runtime != null ? "UP" : "DOWN");
            if (runtime != null) {
                body.put("node", runtime.nodeId());
            }
            return body;
        }

        /**
         * While the cluster services are down the grid's own status is reported (e.g. {@code NO_QUORUM}), as
         * {@code phoenix:cluster-status} does; {@code NOT_STARTED} only when neither answers.
         */
        static Map<String, Object> ready(RuntimeManagement runtime, ClusterProbe probe, GridProbe grid,
                                         boolean clusterExpected) {
            Map<String, Object> body = live(runtime);
            boolean up = runtime != null;
            if (!clusterExpected) {
                body.put("cluster", "standalone");
            } else {
                ClusterView view = null;
                try {
                    view = probe != null ? probe.view() : grid != null ? grid.view() : null;
                } catch (RuntimeException e) {
                    view = new ClusterView("UNKNOWN", 0, 0, List.of(String.valueOf(e.getMessage())));
                }
                if (view == null) {
                    body.put("cluster", "NOT_STARTED");
                    up = false;
                } else {
                    body.put("cluster", view.state());
                    body.put("clusterNodes", view.servers());
                    body.put("problems", view.problems());
                    up &= view.healthy();
                }
            }
            body.put("status", up ? "UP" : "DOWN");
            return body;
        }
    }
}
