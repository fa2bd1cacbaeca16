package io.phoenix.rest.internal.osgi;

import io.phoenix.agent.api.AgentRuntime;
import io.phoenix.rest.internal.ApiApplication;
import io.phoenix.rest.internal.ApiServlet;
import io.phoenix.rest.internal.ClusterView;
import io.phoenix.rest.internal.RestSettings;
import io.phoenix.rest.internal.security.JaasAuthenticator;
import io.phoenix.runtime.management.NodeListeners;
import io.phoenix.runtime.management.RuntimeManagement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.servlet.Servlet;
import org.glassfish.jersey.internal.util.ReflectionHelper;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the REST API: a Jersey servlet ({@link ApiServlet}) registered as a {@link Servlet} service on the OSGi
 * HTTP Whiteboard (Pax Web) at {@code /api/*}. Needs the runtime; the cluster view is optional and dynamic.
 * A configuration change re-creates the component (and so the servlet).
 */
@Component(configurationPid = RestConfig.PID)
@Designate(ocd = RestConfig.class)
public class RestComponent {

    /** The whiteboard pattern the API is served under. */
    public static final String PATTERN = "/api/*";

    private static final Logger LOG = LoggerFactory.getLogger(RestComponent.class);

    @Reference
    private AgentRuntime runtime;
    @Reference
    private RuntimeManagement management;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ClusterView cluster;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile NodeListeners listeners;

    private ExecutorService answers;
    private ServiceRegistration<Servlet> registration;

    @Activate
    void activate(BundleContext context, RestConfig config) {
        RestSettings settings = settings(config);
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(Math.max(1, config.answer_threads()),
                Math.max(1, config.answer_threads()), 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "phoenix-rest-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        answers = pool;
        // Jersey finds its injection manager (jersey-hk2) through its OSGi registry of META-INF/services; make sure
        // the registry is hooked up now (jersey-common starts before this bundle, see the phoenix-rest feature).
        if (ReflectionHelper.getOsgiRegistryInstance() == null) {
            LOG.warn("Jersey's OSGi registry is not available yet (jersey-common not active): the API may fail to start");
        }
        JaasAuthenticator authenticator = new JaasAuthenticator(settings.realm(), settings.authCacheTtl(),
                RestComponent.class.getClassLoader());
        ApiServlet servlet = new ApiServlet(ApiApplication.create(runtime, management, () -> cluster,
                () -> {
                    NodeListeners l = listeners;
                    return l == null ? List.of() : l.listeners();
                }, settings, authenticator, pool));
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", PATTERN);
        properties.put("osgi.http.whiteboard.servlet.name", "phoenix-rest");
        properties.put("osgi.http.whiteboard.servlet.asyncSupported", Boolean.TRUE);
        properties.put("osgi.http.whiteboard.servlet.init.load-on-startup", "1");
        registration = context.registerService(Servlet.class, servlet, properties);
        LOG.info("Phoenix REST API at {} (authentication {}, realm '{}', body limit {} bytes)", PATTERN,
                settings.authEnabled() ? "on" : "OFF", settings.realm(), settings.bodyMaxBytes());
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException ignored) {
                // already gone with the bundle
            }
            registration = null;
        }
        if (answers != null) {
            answers.shutdown();
            answers = null;
        }
    }

    static RestSettings settings(RestConfig config) {
        return new RestSettings(Math.max(1, config.body_max_bytes()),
                Duration.ofMillis(Math.max(1, config.call_timeout_default_ms())),
                Duration.ofMillis(Math.max(1, config.call_timeout_max_ms())),
                Math.max(1, Math.min(10_000, config.page_size_default())),
                Math.max(1, Math.min(10_000, config.page_size_max())),
                Math.max(1, config.node_filter_scan_limit()),
                config.auth_enabled(), config.auth_realm(), roles(config.roles_viewer()), roles(config.roles_admin()),
                Duration.ofSeconds(Math.max(0, config.auth_cache_seconds())),
                Math.max(0, config.retry_after_seconds()));
    }

    private static Set<String> roles(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
