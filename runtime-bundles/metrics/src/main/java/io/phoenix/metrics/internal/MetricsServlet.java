package io.phoenix.metrics.internal;

import java.io.IOException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * GET /metrics in the Prometheus text format, on Pax Web's HTTP Whiteboard (default context). Unauthenticated, as
 * Prometheus scrapers expect: restrict it by the HTTP listener's address (see docs/monitoring.md).
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/metrics",
        "osgi.http.whiteboard.servlet.name=phoenix-metrics"})
public final class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient MetricsComponent metrics;

    @Activate
    public MetricsServlet(@Reference MetricsComponent metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(PhoenixMetrics.CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        metrics.write(response.getOutputStream());
    }
}
