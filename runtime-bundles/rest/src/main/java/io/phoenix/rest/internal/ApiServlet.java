package io.phoenix.rest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jersey's servlet, guarded: whatever escapes Jersey (a container-level failure the exception mappers never saw)
 * becomes a JSON 500 without details instead of the HTTP server's HTML error page with a stack trace.
 */
public final class ApiServlet extends ServletContainer {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    private static final byte[] INTERNAL_ERROR = ("{\"error\":\"internal_error\",\"message\":\"internal error (see the"
            + " node's log)\",\"retryable\":false}").getBytes(StandardCharsets.UTF_8);

    /** @param application the Jersey application */
    public ApiServlet(ResourceConfig application) {
        super(application);
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        try {
            super.service(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (response.isCommitted()) {
                LOG.debug("REST request failed after its answer started: {}", e.toString());
                throw e;
            }
            LOG.error("REST request failed in the servlet container", e);
            response.resetBuffer();
            if (response instanceof HttpServletResponse http) {
                http.setStatus(500);
            }
            response.setContentType("application/json");
            response.setContentLength(INTERNAL_ERROR.length);
            response.getOutputStream().write(INTERNAL_ERROR);
        }
    }
}
