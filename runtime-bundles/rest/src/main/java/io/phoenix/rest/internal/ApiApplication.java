package io.phoenix.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.phoenix.agent.api.AgentRuntime;
import io.phoenix.rest.internal.errors.AgentAlreadyExistsMapper;
import io.phoenix.rest.internal.errors.AgentFailedMapper;
import io.phoenix.rest.internal.errors.AgentNotFoundMapper;
import io.phoenix.rest.internal.errors.AgentTimeoutMapper;
import io.phoenix.rest.internal.errors.AgentUnavailableMapper;
import io.phoenix.rest.internal.errors.BadMessageMapper;
import io.phoenix.rest.internal.errors.JsonProcessingMapper;
import io.phoenix.rest.internal.errors.MailboxFullMapper;
import io.phoenix.rest.internal.errors.OtherAgentExceptionMapper;
import io.phoenix.rest.internal.errors.RestExceptionMapper;
import io.phoenix.rest.internal.errors.TypeNotAvailableMapper;
import io.phoenix.rest.internal.errors.UnexpectedErrorMapper;
import io.phoenix.rest.internal.errors.WebApplicationMapper;
import io.phoenix.rest.internal.resources.AgentsResource;
import io.phoenix.rest.internal.resources.BodyLimitFilter;
import io.phoenix.rest.internal.resources.ClusterResource;
import io.phoenix.rest.internal.resources.OpenApiResource;
import io.phoenix.rest.internal.resources.TypesResource;
import io.phoenix.rest.internal.resources.UnreadBodyFilter;
import io.phoenix.rest.internal.security.Authenticator;
import io.phoenix.rest.internal.security.AuditFilter;
import io.phoenix.rest.internal.security.AuthFilter;
import io.phoenix.runtime.management.Listener;
import io.phoenix.runtime.management.RuntimeManagement;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.ws.rs.Priorities;
import javax.ws.rs.ext.ContextResolver;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.async.AsyncContextDelegateProviderImpl;
import org.glassfish.jersey.servlet.spi.AsyncContextDelegateProvider;

/**
 * Builds the Jersey application of {@code /api}: the resources (as instances over the runtime services), one
 * exception mapper per exception type, the authentication and body-size filters, Jackson. Nothing is scanned.
 */
public final class ApiApplication {

    /** The resource classes; the OpenAPI test reflects over exactly these. */
    public static final List<Class<?>> RESOURCES = List.of(TypesResource.class, AgentsResource.class,
            ClusterResource.class, OpenApiResource.class);

    private ApiApplication() {
    }

    /** The JSON mapper of request bodies and answers. */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.ALWAYS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * @param runtime the runtime
     * @param management the local runtime's management view
     * @param cluster the cluster view, or a supplier of {@code null}
     * @param listeners this node's TCP listeners (for {@code /api/cluster})
     * @param settings the settings
     * @param authenticator checks credentials when authentication is on
     * @param executor where asynchronous answers are written
     * @return the application
     */
    public static ResourceConfig create(AgentRuntime runtime, RuntimeManagement management,
                                        Supplier<ClusterView> cluster, Supplier<List<Listener>> listeners,
                                        RestSettings settings,
                                        Authenticator authenticator, Executor executor) {
        ObjectMapper json = objectMapper();
        int retryAfter = settings.retryAfterSeconds();
        ResourceConfig config = new ResourceConfig();
        config.setApplicationName("phoenix-rest");
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        config.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        config.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        // Errors are answered by our mappers as JSON; never let the container render an HTML error page.
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        config.property(ServerProperties.PROCESSING_RESPONSE_ERRORS_ENABLED, true);

        // Servlet 3 asynchronous processing (AsyncResponse). Jersey would look it up in META-INF/services, which is
        // off here (nothing is discovered): bound explicitly.
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(new AsyncContextDelegateProviderImpl()).to(AsyncContextDelegateProvider.class);
            }
        });
        config.register(JacksonFeature.withoutExceptionMappers());
        config.register((ContextResolver<ObjectMapper>) type -> json);

        config.register(new TypesResource(management));
        config.register(new AgentsResource(runtime, management, cluster, settings, executor, json));
        config.register(new ClusterResource(management, cluster, listeners));
        config.register(new OpenApiResource());

        config.register(new AgentNotFoundMapper(retryAfter));
        config.register(new AgentAlreadyExistsMapper(retryAfter));
        config.register(new MailboxFullMapper(retryAfter));
        config.register(new TypeNotAvailableMapper(retryAfter));
        config.register(new AgentUnavailableMapper(retryAfter));
        config.register(new AgentTimeoutMapper(retryAfter));
        config.register(new AgentFailedMapper(retryAfter));
        config.register(new BadMessageMapper(retryAfter));
        config.register(new OtherAgentExceptionMapper(retryAfter));
        config.register(new RestExceptionMapper(retryAfter));
        config.register(new JsonProcessingMapper(retryAfter));
        config.register(new WebApplicationMapper(retryAfter));
        config.register(new UnexpectedErrorMapper(retryAfter));

        if (settings.authEnabled()) {
            config.register(new AuthFilter(authenticator, settings.viewerRoles(), settings.adminRoles()),
                    Priorities.AUTHENTICATION);
        }
        config.register(new BodyLimitFilter(settings.bodyMaxBytes()), Priorities.AUTHENTICATION + 10);
        config.register(new UnreadBodyFilter());
        config.register(new AuditFilter());
        return config;
    }
}
