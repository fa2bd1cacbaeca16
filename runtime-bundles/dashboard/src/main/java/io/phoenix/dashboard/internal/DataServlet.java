package io.phoenix.dashboard.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.phoenix.runtime.management.RuntimeManagement;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** GET /dashboard/data: the page's JSON, polled every second or two. Runtime and cluster are bound optionally. */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/data",
        "osgi.http.whiteboard.servlet.name=phoenix-dashboard-data",
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=" + DashboardContext.NAME + ")"})
public final class DataServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient BundleContext context;
    private final transient EventRingComponent events;
    private final transient DashboardData data = new DashboardData(Clock.systemUTC());

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile RuntimeManagement runtime;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile ClusterSource cluster;

    @Activate
    public DataServlet(BundleContext context, @Reference EventRingComponent events) {
        this.context = context;
        this.events = events;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> model = data.build(runtime, cluster, clusterInstalled(),
                events.recent(DashboardData.EVENTS), events.lastReplication());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getOutputStream(), model);
    }

    private boolean clusterInstalled() {
        try {
            for (Bundle bundle : context.getBundles()) {
                if ("io.phoenix.cluster".equals(bundle.getSymbolicName()) && bundle.getState() != Bundle.UNINSTALLED) {
                    return true;
                }
            }
        } catch (IllegalStateException stopping) {
            // bundle stopping: report standalone
        }
        return false;
    }
}
