package io.phoenix.dashboard.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The dashboard's own servlet context at /dashboard, so that its security applies to the page and its data and to
 * nothing else on the node: HTTP Basic against Karaf's JAAS realm, for users with a viewer or admin role.
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE, configurationPid = "io.phoenix.dashboard",
        property = {
                "osgi.http.whiteboard.context.name=" + DashboardContext.NAME,
                "osgi.http.whiteboard.context.path=/dashboard"})
@Designate(ocd = DashboardContext.Config.class)
public final class DashboardContext extends ServletContextHelper {

    static final String NAME = "phoenix-dashboard";

    /** Configuration (PID io.phoenix.dashboard). */
    @ObjectClassDefinition(name = "Phoenix dashboard")
    public @interface Config {

        @AttributeDefinition(description = "Require HTTP Basic authentication against the JAAS realm")
        boolean auth_enabled() default true;

        @AttributeDefinition(description = "The Karaf JAAS realm users log in to")
        String auth_realm() default "karaf";

        @AttributeDefinition(description = "Roles allowed to see the dashboard (comma-separated)")
        String auth_roles() default "viewer,admin";
    }

    private volatile JaasBasicAuth auth;

    @Activate
    public DashboardContext(BundleContext context, Config config) {
        super(context.getBundle());
        configure(config);
    }

    @Modified
    void configure(Config config) {
        Set<String> roles = Arrays.stream(config.auth_roles().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        auth = config.auth_enabled() ? new JaasBasicAuth(config.auth_realm(), roles, System::currentTimeMillis) : null;
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        JaasBasicAuth current = auth;
        if (current == null || current.allowed(request.getHeader("Authorization"))) {
            return true;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Phoenix\", charset=\"UTF-8\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        return false;
    }
}
