package io.phoenix.cluster.internal;

import io.phoenix.cluster.internal.placement.NodeLoad;
import io.phoenix.cluster.internal.placement.PendingPlacements;
import io.phoenix.cluster.internal.placement.PlacementConfig;
import io.phoenix.grid.GridNode;
import io.phoenix.runtime.spi.AgentHost;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.QueryCursor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every node's load, as every node sees it: each node publishes its agent count, CPU load and heap use to a small
 * replicated cache every {@code load.publish.interval.ms}, and mirrors everybody's in local memory, so that choosing
 * the least loaded node costs no network round trip. Also counts the agents this node placed on each node since that
 * node's last publication ({@link PendingPlacements}).
 */
@Component(service = NodeLoadBoard.class, configurationPid = PlacementConfig.PID)
public class NodeLoadBoard {

    private static final Logger LOG = LoggerFactory.getLogger(NodeLoadBoard.class);

    @Reference
    Ignite ignite;

    @Reference
    GridNode grid;

    @Reference
    AgentHost host;

    private final Map<String, String> published = new ConcurrentHashMap<>();
    private final PendingPlacements pending = new PendingPlacements();
    private IgniteCache<String, String> cache;
    private QueryCursor<Cache.Entry<String, String>> watch;
    private ScheduledExecutorService publisher;
    private ScheduledFuture<?> publishing;
    /** Publisher thread only. */
    private boolean failing;

    @Activate
    void activate(PlacementConfig config) {
        activate(Duration.ofMillis(Math.max(50, config.load_publish_interval_ms())));
    }

    void activate(Duration interval) {
        cache = AgentCaches.load(ignite);
        watch = CacheMirror.start(cache, published, (nodeId, load) -> pending.published(nodeId));
        publisher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "phoenix-load-publisher");
            thread.setDaemon(true);
            return thread;
        });
        schedule(interval);
    }

    @Modified
    void modified(PlacementConfig config) {
        schedule(Duration.ofMillis(Math.max(50, config.load_publish_interval_ms())));
    }

    private synchronized void schedule(Duration interval) {
        if (publishing != null) {
            publishing.cancel(false);
        }
        publishing = publisher.scheduleWithFixedDelay(this::publishSafely, 0, interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        publisher.shutdownNow();
        watch.close();
        try {
            cache.remove(grid.settings().nodeId());
        } catch (RuntimeException e) {
            LOG.debug("could not withdraw this node's load: {}", e.toString());
        }
    }

    private void publishSafely() {
        try {
            publishNow();
            failing = false;
        } catch (RuntimeException e) {
            // Once per run of failures: other nodes then place least-loaded agents on this node's last known load.
            if (!failing) {
                LOG.warn("this node's load could not be published (others see its last published load): {}",
                        e.toString());
            }
            failing = true;
        }
    }

    /** Publishes this node's load now. */
    void publishNow() {
        NodeLoad load = localLoad();
        String value = load.encode();
        cache.put(grid.settings().nodeId(), value);
        published.put(grid.settings().nodeId(), value);
        pending.published(grid.settings().nodeId());
    }

    /** @return this node's load right now */
    NodeLoad localLoad() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        double heapFraction = heap.getMax() > 0 ? (double) heap.getUsed() / heap.getMax() : 0;
        double cpu = ignite.cluster().localNode().metrics().getCurrentCpuLoad();
        return new NodeLoad(host.localAgents(), cpu < 0 ? 0 : cpu, heapFraction);
    }

    /**
     * @param nodeId a node
     * @return its last published load; {@link NodeLoad#UNKNOWN} if it published none
     */
    NodeLoad loadOf(String nodeId) {
        return NodeLoad.decode(published.get(nodeId));
    }

    /** @return the agents this node placed per node since their last publication */
    PendingPlacements pending() {
        return pending;
    }
}
