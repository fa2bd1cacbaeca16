package io.phoenix.runtime.audit.internal;

import io.phoenix.agent.api.AgentType;
import io.phoenix.runtime.audit.AuditLog;
import io.phoenix.runtime.management.RuntimeEvent;
import io.phoenix.runtime.management.RuntimeEventListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Audits agent bundle deployment from the runtime's own type events: a type that appears is a {@code deploy}, a
 * changed version an {@code upgrade}, a type that goes away a {@code remove}. The runtime is the one place that
 * sees every way a bundle arrives (a file in {@code deploy/}, {@code bundle:install}, a feature), so the trail
 * cannot miss one. The target names the type, its version and the bundle's file (from the bundle's location);
 * the source is {@code deploy} for a file in a {@code deploy} folder, else {@code bundle}. Nobody is known to have
 * acted, so the user is {@code -}.
 */
@Component(service = RuntimeEventListener.class)
public final class TypeChangeAudit implements RuntimeEventListener {

    /** Type name to the location of the bundle that last provided it, for the removal line. */
    private final Map<String, String> lastLocation = new ConcurrentHashMap<>();
    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @Override
    public void onEvent(RuntimeEvent event) {
        String action = switch (event.kind()) {
            case TYPE_REGISTERED -> "deploy";
            case TYPE_UPGRADED -> "upgrade";
            case TYPE_REMOVED -> "remove";
            default -> null;
        };
        if (action == null || event.agentType() == null) {
            return;
        }
        String type = event.agentType();
        String version = event.kind() == RuntimeEvent.Kind.TYPE_UPGRADED
                ? event.attributes().getOrDefault("fromVersion", "?") + " -> " + event.attributes().get("toVersion")
                : event.attributes().getOrDefault("version", "");
        String location = event.kind() == RuntimeEvent.Kind.TYPE_REMOVED ? lastLocation.get(type) : locationOf(type);
        if (location != null && event.kind() != RuntimeEvent.Kind.TYPE_REMOVED) {
            lastLocation.put(type, location);
        }
        AuditLog.record(null, source(location), action, target(type, version, location), AuditLog.OK);
    }

    static String target(String type, String version, String location) {
        return "type " + type + (version == null || version.isEmpty() ? "" : " " + version)
                + (location == null ? "" : " from " + fileName(location));
    }

    static String source(String location) {
        return location != null && location.startsWith("file:") && location.replace('\\', '/').contains("/deploy/")
                ? "deploy" : "bundle";
    }

    /** The file name of a {@code file:} location, else the location itself (e.g. {@code mvn:...}). */
    static String fileName(String location) {
        if (!location.startsWith("file:")) {
            return location;
        }
        String path = location.replace('\\', '/');
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The location of the bundle registering an agent type named {@code type}, or {@code null}. */
    private String locationOf(String type) {
        BundleContext bundles = context;
        if (bundles == null) {
            return null;
        }
        try {
            ServiceReference<?>[] references = bundles.getAllServiceReferences(AgentType.class.getName(), null);
            if (references == null) {
                return null;
            }
            String found = null;
            long newest = -1;
            for (ServiceReference<?> reference : references) {
                Object service = bundles.getService(reference);
                try {
                    Bundle bundle = reference.getBundle();
                    long id = (Long) reference.getProperty(Constants.SERVICE_ID);
                    // the newest registration wins: during an upgrade it is the new bundle's
                    if (service instanceof AgentType<?, ?> agentType && bundle != null && id > newest
                            && type.equals(agentType.name())) {
                        found = bundle.getLocation();
                        newest = id;
                    }
                } catch (RuntimeException e) {
                    // a type whose name() fails is not the one we look for
                } finally {
                    if (service != null) {
                        bundles.ungetService(reference);
                    }
                }
            }
            return found;
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return null;
        }
    }
}
