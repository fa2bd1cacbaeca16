package io.phoenix.cluster.internal;

import io.phoenix.runtime.spi.AgentHost;
import io.phoenix.runtime.spi.AgentTransport;
import io.phoenix.runtime.spi.RemoteReply;
import io.phoenix.runtime.spi.RemoteRequest;
import io.phoenix.runtime.spi.TransportException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.events.DiscoveryEvent;
import org.apache.ignite.events.Event;
import org.apache.ignite.events.EventType;
import org.apache.ignite.lang.IgniteBiPredicate;
import org.apache.ignite.lang.IgnitePredicate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first cluster transport: request/reply over the grid's messaging, correlated by id. Requests
 * are served on a pool of our own rather than the grid's threads, because serving one may itself use
 * the grid (claims, state). When a node leaves, every request still waiting for it fails at once as
 * "maybe delivered", instead of waiting out its timeout.
 */
@Component(service = AgentTransport.class, immediate = true)
public class MessagingTransport implements AgentTransport {

    private static final Logger LOG = LoggerFactory.getLogger(MessagingTransport.class);
    private static final String REQUESTS = "phoenix.requests";
    private static final String REPLIES = "phoenix.replies";
    /** Extra wait beyond the request's own timeout, for the reply to travel back. */
    private static final long REPLY_MARGIN_MILLIS = 1_000;

    @Reference
    Ignite ignite;

    @Reference
    AgentHost host;

    private final AtomicLong correlations = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private ExecutorService serving;
    private ScheduledExecutorService timeouts;
    private IgniteBiPredicate<UUID, Object> requestListener;
    private IgniteBiPredicate<UUID, Object> replyListener;
    private IgnitePredicate<Event> departures;
    private org.apache.ignite.IgniteCache<String, String> readiness;

    private record Pending(CompletableFuture<RemoteReply> reply, UUID node, ScheduledFuture<?> timeout) {
    }

    @Activate
    void activate() {
        serving = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), runnable -> {
            Thread thread = new Thread(runnable, "phoenix-transport");
            thread.setDaemon(true);
            return thread;
        });
        timeouts = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "phoenix-transport-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        requestListener = (from, message) -> {
            serving.execute(() -> serve(from, (String) message));
            return true;
        };
        replyListener = (from, message) -> {
            onReply((String) message);
            return true;
        };
        departures = event -> {
            failPendingTo(((DiscoveryEvent) event).eventNode().id());
            return true;
        };
        ignite.message().localListen(REQUESTS, requestListener);
        ignite.message().localListen(REPLIES, replyListener);
        ignite.events().localListen(departures, EventType.EVT_NODE_LEFT, EventType.EVT_NODE_FAILED);
        // Only now can this node serve requests: placement sends agents here from this moment on.
        readiness = AgentCaches.ready(ignite);
        readiness.put(AgentCaches.nodeId(ignite.cluster().localNode()), ignite.cluster().localNode().id().toString());
    }

    @Deactivate
    void deactivate() {
        try {
            readiness.remove(AgentCaches.nodeId(ignite.cluster().localNode()));
        } catch (RuntimeException e) {
            LOG.debug("readiness not withdrawn (grid stopping): {}", e.toString());
        }
        ignite.message().stopLocalListen(REQUESTS, requestListener);
        ignite.message().stopLocalListen(REPLIES, replyListener);
        ignite.events().stopLocalListen(departures);
        pending.values().forEach(p -> p.reply().completeExceptionally(
                new TransportException("the cluster transport stopped", true, null)));
        pending.clear();
        serving.shutdown();
        timeouts.shutdownNow();
    }

    @Override
    public CompletionStage<RemoteReply> send(String nodeId, RemoteRequest request) {
        ClusterNode target = AgentCaches.serverNode(ignite, nodeId);
        if (target == null) {
            return CompletableFuture.failedFuture(new TransportException("node " + nodeId + " is not in the cluster",
                    false, null));
        }
        if (target.isLocal()) {
            return host.handle(nodeId, request);
        }
        long correlation = correlations.incrementAndGet();
        CompletableFuture<RemoteReply> reply = new CompletableFuture<>();
        ScheduledFuture<?> timeout = timeouts.schedule(() -> expire(correlation, nodeId),
                request.timeoutMillis() + REPLY_MARGIN_MILLIS, TimeUnit.MILLISECONDS);
        pending.put(correlation, new Pending(reply, target.id(), timeout));
        try {
            ignite.message(ignite.cluster().forNode(target)).send(REQUESTS,
                    WireFormat.write(new WireFormat.Request(correlation, request)));
        } catch (IgniteException e) {
            Pending gone = pending.remove(correlation);
            if (gone != null) {
                gone.timeout().cancel(false);
            }
            reply.completeExceptionally(new TransportException("cannot send to node " + nodeId + ": " + e.getMessage(),
                    false, e));
        }
        return reply;
    }

    private void serve(UUID from, String message) {
        WireFormat.Request request;
        try {
            request = WireFormat.read(message, WireFormat.Request.class);
        } catch (IllegalArgumentException e) {
            LOG.warn("ignored a malformed request from node {}: {}", from, e.getMessage());
            return;
        }
        ClusterNode sender = ignite.cluster().node(from);
        String senderId = sender == null ? String.valueOf(from) : AgentCaches.nodeId(sender);
        CompletionStage<RemoteReply> handled;
        try {
            handled = host.handle(senderId, request.request());
        } catch (RuntimeException e) {
            handled = CompletableFuture.failedFuture(e);
        }
        handled.whenComplete((reply, error) -> {
            RemoteReply answer = error == null ? reply : new RemoteReply(null, "agent_failed",
                    "node failed serving the request: " + error, false);
            try {
                ignite.message(ignite.cluster().forNodeId(from)).send(REPLIES,
                        WireFormat.write(new WireFormat.Reply(request.correlation(), answer)));
            } catch (IgniteException e) {
                LOG.debug("reply to node {} not sent (it left?): {}", senderId, e.getMessage());
            }
        });
    }

    private void onReply(String message) {
        WireFormat.Reply reply;
        try {
            reply = WireFormat.read(message, WireFormat.Reply.class);
        } catch (IllegalArgumentException e) {
            LOG.warn("ignored a malformed reply: {}", e.getMessage());
            return;
        }
        Pending waiting = pending.remove(reply.correlation());
        if (waiting != null) {
            waiting.timeout().cancel(false);
            waiting.reply().complete(reply.reply());
        }
    }

    private void expire(long correlation, String nodeId) {
        Pending waiting = pending.remove(correlation);
        if (waiting != null) {
            waiting.reply().completeExceptionally(new TransportException("no reply from node " + nodeId + " in time",
                    true, null));
        }
    }

    private void failPendingTo(UUID node) {
        pending.entrySet().removeIf(entry -> {
            if (!entry.getValue().node().equals(node)) {
                return false;
            }
            entry.getValue().timeout().cancel(false);
            entry.getValue().reply().completeExceptionally(
                    new TransportException("node left the cluster before replying", true, null));
            return true;
        });
    }
}
