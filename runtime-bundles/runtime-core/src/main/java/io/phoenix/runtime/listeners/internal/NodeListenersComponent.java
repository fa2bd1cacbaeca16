package io.phoenix.runtime.listeners.internal;

import io.phoenix.runtime.management.Listener;
import io.phoenix.runtime.management.NodeListeners;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists this node's TCP listeners ({@link NodeListeners}) and logs them once at start: one INFO line per listener
 * that is where the configuration puts it, a WARN line for a listener on another address than configured or on a
 * port no endpoint is configured for, and a WARN line for a configured endpoint that does not listen. The report is
 * written as soon as every configured endpoint listens (SSH, HTTP and JMX come up before the runtime, the grid a few
 * seconds later), at the latest {@link #REPORT_WITHIN} after activation.
 */
@Component(service = NodeListeners.class)
public final class NodeListenersComponent implements NodeListeners {

    static final Duration REPORT_WITHIN = Duration.ofSeconds(120);
    private static final Logger LOG = LoggerFactory.getLogger("io.phoenix.listeners");
    private static final Path PROC_SELF = Path.of("/proc/self");

    private final ConfigurationAdmin configurationAdmin;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "phoenix-listener-report");
        t.setDaemon(true);
        return t;
    });

    /** @param configurationAdmin where the endpoints' configurations are read */
    @Activate
    public NodeListenersComponent(@Reference ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
        long start = System.nanoTime();
        timer.scheduleWithFixedDelay(() -> reportOnceComplete(start), 1, 1, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    @Override
    public List<Listener> listeners() {
        try {
            return endpoints().classify(ListeningSockets.of(PROC_SELF));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Phoenix listener: cannot read this process's sockets", e);
            return List.of();
        }
    }

    private void reportOnceComplete(long start) {
        boolean late = System.nanoTime() - start > REPORT_WITHIN.toNanos();
        List<InetSocketAddress> sockets;
        try {
            sockets = ListeningSockets.of(PROC_SELF);
        } catch (IOException | RuntimeException e) {
            LOG.info("Phoenix listener: this node's listeners cannot be listed here (no Linux /proc: {})", e.toString());
            timer.shutdown();
            return;
        }
        ConfiguredEndpoints endpoints = endpoints();
        List<Listener> listeners = endpoints.classify(sockets);
        List<ConfiguredEndpoints.Endpoint> missing = endpoints.endpoints().stream()
                .filter(e -> listeners.stream().noneMatch(l -> l.name().equals(e.name()))).toList();
        if (!missing.isEmpty() && !late) {
            return;
        }
        timer.shutdown();
        for (Listener l : listeners) {
            if (l.configured()) {
                LOG.info("Phoenix listener: {} on {}", l.name(), l.endpoint());
            } else if (l.name().equals(Listener.UNEXPECTED)) {
                LOG.warn("Phoenix listener: something listens on {}, a port no endpoint of this node is configured for",
                        l.endpoint());
            } else {
                LOG.warn("Phoenix listener: {} on {}, but its configuration says {}", l.name(), l.endpoint(),
                        endpoints.endpoints().stream().filter(e -> e.name().equals(l.name())).findFirst()
                                .map(ConfiguredEndpoints.Endpoint::describe).orElse("?"));
            }
        }
        for (ConfiguredEndpoints.Endpoint e : missing) {
            LOG.warn("Phoenix listener: {} (configured {}) does not listen {} s after start", e.name(), e.describe(),
                    REPORT_WITHIN.toSeconds());
        }
    }

    private ConfiguredEndpoints endpoints() {
        return ConfiguredEndpoints.from(this::properties, System::getenv);
    }

    /** A PID's properties as delivered to its component (environment overrides applied); empty when there is none. */
    private Map<String, Object> properties(String pid) {
        try {
            Configuration[] found = configurationAdmin.listConfigurations("(service.pid=" + pid + ")");
            Dictionary<String, Object> properties = found == null ? null : found[0].getProcessedProperties(null);
            Map<String, Object> map = new HashMap<>();
            if (properties != null) {
                Collections.list(properties.keys()).forEach(k -> map.put(k, properties.get(k)));
            }
            return map;
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            return Map.of();
        }
    }
}
