package io.phoenix.rest.internal.security;

import io.phoenix.agent.api.AgentInfo;
import io.phoenix.rest.internal.ClusterView;
import io.phoenix.rest.internal.errors.ErrorBody;
import io.phoenix.runtime.audit.AuditLog;
import java.security.Principal;
import java.util.List;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.PathSegment;

/**
 * Writes the audit line ({@link AuditLog}, source {@code rest}) of every administrative request once its answer is
 * known: {@code POST /agents} (spawn), {@code DELETE /agents/{id}} (stop), {@code POST /agents/{id}/migrate}. The
 * user is the principal {@link AuthFilter} authenticated ({@code -} without one, e.g. a refused login); the outcome
 * {@code ok} for a 2xx answer, else {@code error:} and the JSON error's code (or the HTTP status). A response filter
 * rather than code in each resource method, so that refusals before the resource runs (401, 403, 400 bodies) are
 * in the trail too, and each action is written in one place.
 */
public final class AuditFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        List<PathSegment> path = request.getUriInfo().getPathSegments(true);
        String method = request.getMethod();
        if (path.isEmpty() || !"agents".equals(path.get(0).getPath())) {
            return;
        }
        Object entity = response.getEntity();
        String action;
        String target;
        if ("POST".equals(method) && path.size() == 1) {
            action = "spawn";
            target = entity instanceof AgentInfo info ? info.type() + "/" + info.id() : agentOf(entity);
        } else if ("DELETE".equals(method) && path.size() == 2) {
            action = "stop";
            target = path.get(1).getPath();
        } else if ("POST".equals(method) && path.size() == 3 && "migrate".equals(path.get(2).getPath())) {
            action = "migrate";
            target = path.get(1).getPath()
                    + (entity instanceof ClusterView.Migration migration ? "->" + migration.node() : "");
        } else {
            return;
        }
        Principal principal = request.getSecurityContext() == null ? null
                : request.getSecurityContext().getUserPrincipal();
        AuditLog.record(principal == null ? null : principal.getName(), "rest", action, target,
                outcome(response.getStatus(), entity));
    }

    private static String agentOf(Object entity) {
        return entity instanceof ErrorBody error ? error.agentId() : null;
    }

    static String outcome(int status, Object entity) {
        if (status >= 200 && status < 300) {
            return AuditLog.OK;
        }
        return "error:" + (entity instanceof ErrorBody error && error.error() != null ? error.error() : "http-" + status);
    }
}
