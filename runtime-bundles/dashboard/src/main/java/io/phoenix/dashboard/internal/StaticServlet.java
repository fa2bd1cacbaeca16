package io.phoenix.dashboard.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;

/**
 * The page itself: a fixed set of files from this bundle's web/ folder (no directory listing, no other path). No
 * CDN, fonts or scripts from elsewhere: the page works on a node without internet access.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/*",
        "osgi.http.whiteboard.servlet.name=phoenix-dashboard-page",
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=" + DashboardContext.NAME + ")"})
public final class StaticServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FILES = Map.of(
            "/", "text/html",
            "/index.html", "text/html",
            "/dashboard.css", "text/css",
            "/dashboard.js", "text/javascript");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        String type = FILES.get(path);
        if (type == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String file = "/".equals(path) ? "/index.html" : path;
        try (InputStream in = StaticServlet.class.getResourceAsStream("/web" + file)) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(type);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy",
                    "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self';"
                            + " img-src 'self' data:");
            in.transferTo(response.getOutputStream());
        }
    }
}
