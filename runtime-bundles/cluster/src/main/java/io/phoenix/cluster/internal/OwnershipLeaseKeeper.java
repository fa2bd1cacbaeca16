package io.phoenix.cluster.internal;

import io.phoenix.grid.GridNode;
import io.phoenix.runtime.spi.AgentHost;
import io.phoenix.runtime.spi.AgentTransport;
import io.phoenix.runtime.spi.RemoteReply;
import io.phoenix.runtime.spi.RemoteRequest;
import io.phoenix.runtime.spi.RemoteRequest.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
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
 * Keeps the runtime's ownership lease ({@link AgentHost#leaseUntil}) while this node's membership is certain.
 *
 * <p>The other nodes drop a node they have not heard from for the failure detection timeout and take its agents
 * over. A process that was paused (SIGSTOP, a long GC, a frozen VM) cannot know whether that happened: when it
 * wakes its own view still shows the old cluster, and its activations and queued messages look fine. So the lease
 * is renewed every tick for a third of the failure detection timeout; a tick that comes later than that means this
 * node did not run for a while, the lease lapses (no turn runs, no turn is answered), and it is renewed only once
 * enough other servers answered a ping sent after the wake — a dropped node's messages are not delivered, so it
 * gets no answer and stays fenced until it learns it was segmented and drops its activations. The lease also
 * lapses while this node sees fewer servers than its quorum, and when a server leaves its view (this node cannot
 * tell whether the other one died or it is itself the one cut off) until other servers answer its ping; the topology
 * confirmed then is what {@link CommitGuard} trusts writes against.
 */
@Component(immediate = true)
public class OwnershipLeaseKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(OwnershipLeaseKeeper.class);

    @Reference
    Ignite ignite;

    @Reference
    GridNode grid;

    @Reference
    AgentHost host;

    @Reference
    AgentTransport transport;

    @Reference
    CommitGuard guard;

    /** Runs the ticks and the confirmations, one at a time. */
    ScheduledExecutorService ticker;
    private IgnitePredicate<Event> departures;
    private long leaseNanos;
    /** Ticker thread only. */
    private long lastTickNanos;
    /** Ticker thread only: when the lease lapsed, 0 while it holds. */
    private long lapsedAtNanos;
    private final AtomicBoolean confirming = new AtomicBoolean();
    /** False once deactivated: a ping answered afterwards must not renew a lease another keeper now keeps. */
    private volatile boolean active;

    @Activate
    void activate() {
        init();
        long tickMillis = Math.max(10, TimeUnit.NANOSECONDS.toMillis(leaseNanos) / 5);
        ticker.scheduleWithFixedDelay(() -> tick(System.nanoTime()), tickMillis, tickMillis, TimeUnit.MILLISECONDS);
        // A server leaving this node's view is checked at once, not at the next tick.
        departures = event -> {
            ticker.execute(() -> tick(System.nanoTime()));
            return true;
        };
        ignite.events().localListen(departures, EventType.EVT_NODE_LEFT, EventType.EVT_NODE_FAILED);
    }

    /** Grants the first lease; ticks are then scheduled by {@link #activate} (or driven by a test). */
    void init() {
        leaseNanos = grid.settings().failureDetectionTimeout().toNanos() / 3;
        lastTickNanos = System.nanoTime();
        active = true;
        host.leaseUntil(lastTickNanos + leaseNanos);
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "phoenix-lease");
            thread.setDaemon(true);
            thread.setPriority(Thread.MAX_PRIORITY);
            return thread;
        });
    }

    @Deactivate
    void deactivate() {
        active = false;
        if (departures != null) {
            try {
                ignite.events().stopLocalListen(departures);
            } catch (RuntimeException e) {
                LOG.debug("grid node already stopped: {}", e.toString());
            }
        }
        ticker.shutdownNow();
    }

    /** One check, at {@code now} ({@link System#nanoTime()}); on the ticker thread. */
    void tick(long now) {
        if (!active) {
            return;
        }
        try {
            long gap = now - lastTickNanos;
            lastTickNanos = now;
            if (gap > leaseNanos && lapsedAtNanos == 0) {
                lapse(now - gap, "this node did not run for " + TimeUnit.NANOSECONDS.toMillis(gap)
                        + " ms (paused?); other nodes may have taken its agents over");
            }
            String shortfall = guard.quorumShortfall();
            if (shortfall != null) {
                if (lapsedAtNanos == 0) {
                    lapse(now, shortfall);
                }
                return;
            }
            long topology = guard.topologyVersion();
            String departed = guard.departedSinceConfirmed();
            if (departed != null && lapsedAtNanos == 0) {
                lapse(now, departed);
            }
            if (lapsedAtNanos == 0) {
                guard.confirmed(topology); // only joins since the last confirmation
                host.leaseUntil(now + leaseNanos);
            } else if (confirming.compareAndSet(false, true)) {
                try {
                    confirm(now, topology, grid.quorumSize());
                } catch (RuntimeException e) {
                    confirming.set(false); // the next tick tries again
                    throw e;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("ownership lease check failed: {}", e.toString()); // the lease lapses by itself meanwhile
        }
    }

    private void lapse(long since, String why) {
        lapsedAtNanos = since;
        host.leaseUntil(since); // already past: nothing runs from now on
        LOG.warn("ownership lease lapsed: {}; no agent runs here until the cluster confirms this node", why);
    }

    /**
     * Pings the other servers of topology {@code topology}; renews once enough answered. Started and finished on the
     * ticker thread.
     */
    private void confirm(long started, long topology, int quorum) {
        List<String> others = new ArrayList<>();
        String self = grid.settings().nodeId();
        for (ClusterNode node : ignite.cluster().forServers().nodes()) {
            String id = AgentCaches.nodeId(node);
            if (!id.equals(self)) {
                others.add(id);
            }
        }
        int needed = quorum > 0 ? quorum - 1 : Math.min(1, others.size());
        if (needed == 0) {
            confirmed(started, topology, 0);
            return;
        }
        if (others.size() < needed) {
            confirming.set(false);
            return;
        }
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger pending = new AtomicInteger(others.size());
        RemoteRequest ping = new RemoteRequest(Operation.PING, null, null, null,
                TimeUnit.NANOSECONDS.toMillis(leaseNanos), 0);
        for (String node : others) {
            CompletionStage<RemoteReply> sent;
            try {
                sent = transport.send(node, ping);
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sent.whenComplete((reply, error) -> {
                boolean ok = error == null && reply.succeeded();
                if (ok && answered.incrementAndGet() == needed) {
                    ticker.execute(() -> confirmed(started, topology, needed));
                }
                if (pending.decrementAndGet() == 0 && answered.get() < needed) {
                    confirming.set(false); // not enough answers: the next tick tries again
                }
            });
        }
    }

    private void confirmed(long started, long topology, int answers) {
        confirming.set(false);
        if (lapsedAtNanos == 0 || !active) {
            return;
        }
        // The answers came after the pings of topology `topology` went out: membership is confirmed as of it.
        guard.confirmed(topology);
        long fencedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lapsedAtNanos);
        lapsedAtNanos = 0;
        // Counted from before the pings went out: the answers prove membership at some moment after that.
        host.leaseUntil(started + leaseNanos);
        LOG.info("ownership lease renewed: {} other server(s) confirmed this node's membership; agents were fenced for"
                + " {} ms", answers, fencedMillis);
    }
}
