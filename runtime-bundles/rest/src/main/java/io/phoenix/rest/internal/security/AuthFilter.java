package io.phoenix.rest.internal.security;

import io.phoenix.rest.internal.errors.RestException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.SecurityContext;

/**
 * HTTP Basic authentication and authorisation of every request except {@code GET /api/openapi.json}:
 * no or wrong credentials 401 (with {@code WWW-Authenticate}); reads (GET, HEAD, OPTIONS) need a viewer role,
 * everything else (spawn, call, cast, stop, migrate) an admin role, else 403. Runs before resource matching, so
 * an unauthenticated client learns nothing about which paths exist. Registered with priority
 * {@code Priorities.AUTHENTICATION}.
 */
@PreMatching
public final class AuthFilter implements ContainerRequestFilter {

    private final Authenticator authenticator;
    private final Set<String> viewerRoles;
    private final Set<String> adminRoles;

    /**
     * @param authenticator checks credentials
     * @param viewerRoles roles or groups that may read
     * @param adminRoles roles or groups that may change things
     */
    public AuthFilter(Authenticator authenticator, Set<String> viewerRoles, Set<String> adminRoles) {
        this.authenticator = authenticator;
        this.viewerRoles = Set.copyOf(viewerRoles);
        this.adminRoles = Set.copyOf(adminRoles);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        boolean read = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
        if (read && "openapi.json".equals(request.getUriInfo().getPath(true))) {
            return;
        }
        String header = request.getHeaderString("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new RestException(401, "unauthorized", "credentials required (HTTP Basic)", null);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new RestException(401, "unauthorized", "malformed Basic credentials", null);
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new RestException(401, "unauthorized", "malformed Basic credentials", null);
        }
        String user = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        Optional<Set<String>> roles = authenticator.authenticate(user, password);
        if (roles.isEmpty()) {
            throw new RestException(401, "unauthorized", "wrong user name or password", null);
        }
        boolean secure = request.getSecurityContext().isSecure();
        Set<String> granted = roles.get();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> user;
            }

            @Override
            public boolean isUserInRole(String role) {
                return granted.contains(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return SecurityContext.BASIC_AUTH;
            }
        });
        // Checked after the user is known to the request, so the audit trail (AuditFilter) names who was refused.
        Set<String> needed = read ? viewerRoles : adminRoles;
        if (roles.get().stream().noneMatch(needed::contains)) {
            throw new RestException(403, "forbidden",
                    "user '" + user + "' lacks a role for this operation (one of " + needed + ")", null);
        }
    }
}
