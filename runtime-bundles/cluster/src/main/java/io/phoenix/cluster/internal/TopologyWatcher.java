package io.phoenix.cluster.internal;

import io.phoenix.runtime.management.RuntimeEvent.Kind;
import io.phoenix.runtime.spi.AgentHost;
import io.phoenix.runtime.spi.RemoteRequest;
import io.phoenix.runtime.spi.RemoteRequest.Operation;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.events.DiscoveryEvent;
import org.apache.ignite.events.Event;
import org.apache.ignite.events.EventType;
import org.apache.ignite.lang.IgnitePredicate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns topology changes into runtime actions. A join moves partitions to the new node once the grid
 * has rebalanced them, which no event announces, so agents are re-homed a few times after a join and
 * periodically anyway (that also covers pinned agents). A node that leaves needs nothing here: its
 * agents are claimed by their new owners on their next message. Segmentation — this node cut off from
 * the cluster — drops every local activation at once, because other nodes may already run them.
 */
@Component(immediate = true)
public class TopologyWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(TopologyWatcher.class);
    private static final long[] AFTER_JOIN_MILLIS = {500, 2_000, 5_000, 10_000};
    private static final long PERIOD_MILLIS = 5_000;
    private static final long[] AFTER_LEAVE_MILLIS = {200, 1_000, 3_000};
    private static final int MAX_REACTIVATIONS_IN_FLIGHT = 64;
    private static final long REACTIVATE_TIMEOUT_MILLIS = 10_000;

    @Reference
    Ignite ignite;

    @Reference
    AgentHost host;

    @Reference
    IgniteDirectory directory;

    private ScheduledExecutorService rehoming;
    private IgnitePredicate<Event> listener;

    @Activate
    void activate() {
        rehoming = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "phoenix-rebalance");
            thread.setDaemon(true);
            return thread;
        });
        listener = this::onEvent;
        ignite.events().localListen(listener, EventType.EVT_NODE_JOINED, EventType.EVT_NODE_LEFT,
                EventType.EVT_NODE_FAILED, EventType.EVT_NODE_SEGMENTED);
        rehoming.scheduleWithFixedDelay(this::rehome, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        ignite.events().stopLocalListen(listener);
        rehoming.shutdownNow();
    }

    private boolean onEvent(Event event) {
        String node = AgentCaches.nodeId(((DiscoveryEvent) event).eventNode());
        switch (event.type()) {
            case EventType.EVT_NODE_JOINED -> {
                host.publish(Kind.NODE_JOINED, Map.of("node", node));
                for (long delay : AFTER_JOIN_MILLIS) {
                    rehoming.schedule(this::rehome, delay, TimeUnit.MILLISECONDS);
                }
            }
            case EventType.EVT_NODE_LEFT, EventType.EVT_NODE_FAILED -> {
                host.publish(Kind.NODE_LEFT, Map.of("node", node,
                        "reason", event.type() == EventType.EVT_NODE_FAILED ? "failed" : "left"));
                // Partitions change primaries during the exchange that follows: look a few times.
                for (long delay : AFTER_LEAVE_MILLIS) {
                    rehoming.schedule(this::reactivateOrphans, delay, TimeUnit.MILLISECONDS);
                }
            }
            case EventType.EVT_NODE_SEGMENTED -> {
                host.publish(Kind.PARTITION_DETECTED, Map.of("node", node));
                int dropped = host.dropAll("this node was segmented from the cluster");
                LOG.error("this node lost the cluster (segmented): {} activations dropped; other nodes own its agents",
                        dropped);
            }
            default -> {
            }
        }
        return true;
    }

    /**
     * Re-activates, on this node, the agents of departed nodes that this node now owns, so they run
     * again (timers included) without waiting for a message. Bounded in flight, so a large failover
     * does not flood this node.
     */
    private void reactivateOrphans() {
        Map<String, String> orphans;
        try {
            orphans = directory.orphansPrimaryHere();
        } catch (RuntimeException e) {
            LOG.warn("failover scan failed: {}", e.toString());
            return;
        }
        if (orphans.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        Semaphore inFlight = new Semaphore(MAX_REACTIVATIONS_IN_FLIGHT);
        AtomicInteger failed = new AtomicInteger();
        for (Map.Entry<String, String> orphan : orphans.entrySet()) {
            inFlight.acquireUninterruptibly();
            host.handle(host.nodeId(), new RemoteRequest(Operation.ACTIVATE, orphan.getKey(), orphan.getValue(), null,
                    REACTIVATE_TIMEOUT_MILLIS, 0)).whenComplete((reply, error) -> {
                        if (error != null || !reply.succeeded()) {
                            failed.incrementAndGet();
                        }
                        inFlight.release();
                    });
        }
        inFlight.acquireUninterruptibly(MAX_REACTIVATIONS_IN_FLIGHT);
        LOG.info("failover: {} agents of departed nodes re-activated here in {} ms ({} failed, retried on their next"
                + " message)", orphans.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), failed.get());
    }

    private void rehome() {
        try {
            int moved = host.rehome().toCompletableFuture().get(60, TimeUnit.SECONDS);
            if (moved > 0) {
                LOG.info("rebalance: {} agents handed off to the nodes they now belong to", moved);
            }
        } catch (Exception e) {
            LOG.warn("rebalance pass failed: {}", e.toString());
        }
    }
}
