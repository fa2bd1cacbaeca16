package io.phoenix.grid.internal;

import io.phoenix.grid.GridSettings;
import io.phoenix.grid.GridStatus;
import io.phoenix.grid.GridStatus.State;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteState;
import org.apache.ignite.Ignition;
import org.apache.ignite.IgnitionListener;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.events.DiscoveryEvent;
import org.apache.ignite.events.Event;
import org.apache.ignite.events.EventType;
import org.apache.ignite.internal.IgniteVersionUtils;
import org.apache.ignite.lang.IgnitePredicate;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the one Ignite node of this Phoenix node, without OSGi (the DS component and the tests drive it).
 *
 * <p>Every start and stop runs on one lifecycle thread, in order, never on the caller's thread: a start takes
 * seconds (joining), and a bundle activation must not wait for it. {@link #close()} queues the stop behind an
 * in-flight start and waits for both, so that a bundle stopped or updated mid-start never leaves an orphan node
 * in the topology. The node is handed to the {@link Publisher} only once it has joined, and taken back before
 * it stops. A watch thread probes the discovery addresses for foreign nodes ({@link ForeignNodeProbe}).
 */
final class GridNodeRunner implements AutoCloseable {

    /** Makes a started node available to others (an OSGi service) and takes it back. */
    interface Publisher {
        /**
         * Called on the lifecycle thread once the node has joined.
         *
         * @param ignite the node
         * @param settings its settings
         */
        void publish(Ignite ignite, NodeSettings settings);

        /** Called on the lifecycle thread before the node stops; must tolerate a call without a publish. */
        void withdraw();
    }

    private static final Logger LOG = LoggerFactory.getLogger("io.phoenix.grid");
    private static final long PROBE_INTERVAL_MS = 10_000;
    /** The address in Ignite's "Unable to establish secure connection ... [rmtAddr=/127.0.0.1:47500, ...]". */
    private static final Pattern REMOTE_ADDRESS = Pattern.compile("rmtAddr=[^/,\\]]*/([^,\\]\\s]+)");
    /** Pause between a segmentation and the start that rejoins the cluster (lets the old node's sockets close). */
    private static final long REJOIN_DELAY_MS = 1_000;
    private static final int PROBE_CONNECT_TIMEOUT_MS = 300;
    private static final int PROBE_ANSWER_TIMEOUT_MS = 500;
    /** How long {@link #close()} waits for an in-flight start plus the stop before it stops the node itself. */
    private static final long CLOSE_WAIT_MS = IgniteConfigFactory.JOIN_TIMEOUT_MS + 60_000;

    private final Publisher publisher;
    private final GridSettings fallback;
    private final long probeIntervalMs;
    private final ExecutorService lifecycle = Executors.newSingleThreadExecutor(r -> daemon(r, "phoenix-grid-lifecycle"));
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "phoenix-grid-watch"));
    private final IgnitionListener stateListener = this::onIgnitionState;

    // Written on the lifecycle thread, read anywhere.
    private volatile NodeSettings settings;
    private volatile Ignite ignite;
    private volatile State state = State.STOPPED;
    private volatile String lastError;
    private volatile ForeignNodeWatch foreign;
    private volatile boolean stoppingOnPurpose;
    // Lifecycle thread only.
    private ScheduledFuture<?> probeTask;

    /**
     * @param publisher makes the node available to others
     * @param fallback the settings reported before any valid configuration was applied
     */
    GridNodeRunner(Publisher publisher, GridSettings fallback) {
        this(publisher, fallback, PROBE_INTERVAL_MS);
    }

    /** For tests: probes every {@code probeIntervalMs}. */
    GridNodeRunner(Publisher publisher, GridSettings fallback, long probeIntervalMs) {
        this.publisher = Objects.requireNonNull(publisher);
        this.fallback = Objects.requireNonNull(fallback);
        this.probeIntervalMs = probeIntervalMs;
        Ignition.addListener(stateListener);
    }

    /**
     * Starts the node with these settings, after stopping the running one if any. Returns at once.
     *
     * @param next the settings
     * @return completes when the node has joined or failed
     */
    Future<?> start(NodeSettings next) {
        Objects.requireNonNull(next);
        settings = next;
        state = State.STARTING;
        return lifecycle.submit(() -> {
            stopNode();
            startNode(next);
        });
    }

    /**
     * Stops the running node, if any, and reports {@link State#FAILED} with {@code reason} — for a configuration
     * that cannot be used. Returns at once.
     *
     * @param reason one line naming the problem
     * @return completes when the node has stopped
     */
    Future<?> fail(String reason) {
        return lifecycle.submit(() -> {
            stopNode();
            state = State.FAILED;
            lastError = reason;
        });
    }

    /** The current status. */
    GridStatus status() {
        NodeSettings current = settings;
        Ignite node = ignite;
        State now = state;
        int servers = 0;
        if ((now == State.JOINED || now == State.NO_QUORUM) && node != null) {
            try {
                servers = node.cluster().forServers().nodes().size();
            } catch (RuntimeException e) {
                // stopping concurrently: 0 servers is the truth a moment later
            }
        }
        ForeignNodeWatch watching = foreign;
        return new GridStatus(now, settings().nodeId(), servers, lastError,
                watching == null ? List.of() : watching.foreign(),
                current == null ? "" : current.phoenixVersion(), IgniteVersionUtils.VER_STR);
    }

    /** The quorum size of the last start; 0 (none) before the first. */
    int quorumSize() {
        NodeSettings current = settings;
        return current == null ? 0 : current.quorumSize();
    }

    /** The settings of the last start, or the fallback before the first. */
    GridSettings settings() {
        NodeSettings current = settings;
        return current == null ? fallback : current.grid();
    }

    /** The running node, or {@code null}. */
    Ignite ignite() {
        return ignite;
    }

    /**
     * Stops the node — after the start in flight, if any, has finished — and waits for it. Never leaves a node
     * running: if the lifecycle thread does not finish in time, the node is stopped from this thread. Further
     * calls do nothing.
     */
    @Override
    public void close() {
        if (lifecycle.isShutdown()) {
            return; // closed before
        }
        Future<?> stopped = lifecycle.submit(() -> {
            stopNode();
            state = State.STOPPED;
        });
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MS);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    stopped.get(10, TimeUnit.SECONDS);
                    break;
                } catch (TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        LOG.error("Phoenix grid: the grid node did not stop within {} ms; stopping it from this thread",
                                CLOSE_WAIT_MS);
                        NodeSettings current = settings;
                        if (current != null) {
                            Ignition.stop(current.nodeId(), true);
                        }
                        break;
                    }
                    LOG.warn("Phoenix grid: waiting for the grid node's start to finish before stopping it");
                } catch (InterruptedException e) {
                    interrupted = true; // finish the stop anyway: no orphan node
                } catch (ExecutionException e) {
                    LOG.error("Phoenix grid: stopping the grid node failed", e.getCause());
                    break;
                }
            }
        } finally {
            Ignition.removeListener(stateListener);
            lifecycle.shutdownNow();
            watch.shutdownNow();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- lifecycle thread ----------------------------------------------------------------------------------

    private void startNode(NodeSettings next) {
        state = State.STARTING;
        lastError = null;
        foreign = null;
        long start = System.nanoTime();
        Ignite started;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(GridNodeRunner.class.getClassLoader());
        try {
            started = Ignition.start(IgniteConfigFactory.create(next,
                    new VersionCheck(next.grid().clusterName(), next.phoenixVersion(), this::refused)));
        } catch (RuntimeException | Error e) {
            String reason = reason(e);
            lastError = reason;
            state = State.FAILED;
            LOG.error("Phoenix grid: node {} did not start and stays down: {}", next.nodeId(), reason);
            LOG.debug("Phoenix grid: start failure of node {}", next.nodeId(), e);
            Ignition.stop(next.nodeId(), true); // normally rolled back by Ignite already
            return;
        } finally {
            thread.setContextClassLoader(previous);
        }
        ignite = started;
        started.events().localListen((IgnitePredicate<Event>) this::onTopologyEvent, EventType.EVT_NODE_JOINED,
                EventType.EVT_NODE_LEFT, EventType.EVT_NODE_FAILED, EventType.EVT_NODE_SEGMENTED);
        boolean quorum = quorumMet(started, next);
        if (!quorum) {
            lastError = noQuorum(started, next); // before the state: a reader that sees NO_QUORUM sees why
        }
        state = quorum ? State.JOINED : State.NO_QUORUM;
        LOG.info("Phoenix grid: node {} joined cluster '{}' in {} ms: {} server(s); discovery {}:{}, communication {}:{}; "
                        + "{} backup(s), {} replication, {} partitions; Phoenix {}, Ignite {}",
                next.nodeId(), next.grid().clusterName(), (System.nanoTime() - start) / 1_000_000,
                started.cluster().forServers().nodes().size(), next.localAddress(), discoveryPort(started),
                next.localAddress(), communicationPort(started), next.grid().backups(),
                next.grid().synchronous() ? "sync" : "async", next.grid().partitions(), next.phoenixVersion(),
                IgniteVersionUtils.VER_STR);
        if (quorum) {
            publish(started, next);
        } else {
            LOG.warn("Phoenix grid: {}", lastError);
        }
        SSLSocketFactory tls = next.tls().enabled() ? started.configuration().getSslContextFactory().create()
                .getSocketFactory() : null;
        ForeignNodeWatch nodeWatch = new ForeignNodeWatch(new ForeignNodeProbe(DiscoveryEndpoints.expand(
                next.discoveryAddresses(), next.discoveryPort(), next.discoveryPortRange()),
                endpoint -> ForeignNodeProbe.knock(endpoint, PROBE_CONNECT_TIMEOUT_MS, PROBE_ANSWER_TIMEOUT_MS, tls)));
        foreign = nodeWatch;
        probeTask = watch.scheduleWithFixedDelay(() -> {
            if (ignite == started) {
                probe(started, nodeWatch);
                if (state == State.NO_QUORUM && nodeWatch.separateClusterSeen()) {
                    lifecycle.execute(() -> rejoin(started, "a separate cluster answers at "
                            + String.join(", ", nodeWatch.foreign())));
                }
            }
        }, Math.min(1_000, probeIntervalMs), probeIntervalMs, TimeUnit.MILLISECONDS);
    }

    private void publish(Ignite node, NodeSettings current) {
        try {
            publisher.publish(node, current);
        } catch (RuntimeException e) {
            LOG.error("Phoenix grid: could not publish the grid node", e);
        }
    }

    private void withdraw() {
        try {
            publisher.withdraw();
        } catch (RuntimeException e) {
            LOG.warn("Phoenix grid: withdrawing the grid node failed", e);
        }
    }

    private static boolean quorumMet(Ignite node, NodeSettings current) {
        return current.quorumSize() <= 0 || servers(node) >= current.quorumSize();
    }

    private static int servers(Ignite node) {
        try {
            return node.cluster().forServers().nodes().size();
        } catch (RuntimeException e) {
            return 0; // stopping
        }
    }

    private static String noQuorum(Ignite node, NodeSettings current) {
        return "no quorum: this node sees " + servers(node) + " server(s), quorum.size is " + current.quorumSize()
                + "; it serves no agents until enough servers are back (or it rejoins the rest of the cluster)";
    }

    /**
     * Withdraws the node when it loses quorum (the runtime then drops its activations and refuses requests) and
     * publishes it again when quorum is back. Lifecycle thread.
     */
    private void checkQuorum() {
        Ignite node = ignite;
        NodeSettings current = settings;
        if (node == null || current == null || current.quorumSize() <= 0) {
            return;
        }
        boolean met = quorumMet(node, current);
        if (state == State.JOINED && !met) {
            withdraw();
            lastError = noQuorum(node, current);
            state = State.NO_QUORUM;
            LOG.error("Phoenix grid: {}", lastError);
        } else if (state == State.NO_QUORUM && met) {
            LOG.info("Phoenix grid: quorum regained: {} server(s), quorum.size {}; serving agents again",
                    servers(node), current.quorumSize());
            publish(node, current); // before the state: a reader that sees JOINED finds the service
            lastError = null;
            state = State.JOINED;
        }
    }

    /**
     * Restarts a node without quorum that sees another part of its cluster: Ignite does not merge clusters, so the
     * smaller side joins the other by starting over. What only this side held in memory is lost — which is why
     * only a side without quorum does it. Lifecycle thread.
     */
    private void rejoin(Ignite node, String why) {
        NodeSettings current = settings;
        if (ignite != node || state != State.NO_QUORUM || current == null) {
            return;
        }
        LOG.warn("Phoenix grid: node {} has no quorum and {}: restarting it to join them", current.nodeId(), why);
        stopNode();
        startNode(current);
    }

    private void stopNode() {
        if (probeTask != null) {
            probeTask.cancel(false);
            probeTask = null;
        }
        Ignite node = ignite;
        if (node == null) {
            return;
        }
        withdraw();
        ignite = null;
        foreign = null;
        stoppingOnPurpose = true;
        try {
            long start = System.nanoTime();
            node.close();
            LOG.info("Phoenix grid: node {} stopped in {} ms", node.name(), (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.error("Phoenix grid: stopping node {} failed", node.name(), e);
        } finally {
            stoppingOnPurpose = false;
        }
    }

    /** A node stopped by Ignite itself (critical failure, segmentation): withdrawn, reported; rejoins after a segmentation. */
    private void onIgnitionState(String name, IgniteState newState) {
        Ignite node = ignite;
        if (newState == IgniteState.STARTED || stoppingOnPurpose || node == null || !Objects.equals(name, node.name())) {
            return;
        }
        lifecycle.execute(() -> {
            if (ignite != node) {
                return;
            }
            if (probeTask != null) {
                probeTask.cancel(false);
                probeTask = null;
            }
            withdraw();
            ignite = null;
            foreign = null;
            String reason = newState == IgniteState.STOPPED_ON_SEGMENTATION
                    ? "the node was segmented from the cluster (it could not reach the others for longer than the "
                            + "failure detection timeout) and Ignite stopped it"
                    : "Ignite stopped the node (" + newState + "); the reason is logged above by org.apache.ignite";
            lastError = reason;
            state = State.FAILED;
            NodeSettings current = settings;
            if (newState == IgniteState.STOPPED_ON_SEGMENTATION && current != null && current.rejoinAfterSegmentation()) {
                LOG.error("Phoenix grid: node {} is down: {}. It rejoins the cluster in {} ms, as a new member (what it"
                        + " held is served by the others)", name, reason, REJOIN_DELAY_MS);
                watch.schedule(() -> lifecycle.execute(() -> {
                    if (ignite == null && state == State.FAILED && settings == current) {
                        startNode(current);
                    }
                }), REJOIN_DELAY_MS, TimeUnit.MILLISECONDS);
                return;
            }
            LOG.error("Phoenix grid: node {} is down: {}. It stays down until the grid configuration changes or "
                    + "bundle io.phoenix.grid restarts", name, reason);
        });
    }

    // ---- discovery and watch threads -----------------------------------------------------------------------

    private boolean onTopologyEvent(Event event) {
        if (event instanceof DiscoveryEvent discovery) {
            ClusterNode node = discovery.eventNode();
            Object id = node.attribute(VersionCheck.ATTR_NODE_ID);
            String what = switch (event.type()) {
                case EventType.EVT_NODE_JOINED -> "joined";
                case EventType.EVT_NODE_LEFT -> "left";
                case EventType.EVT_NODE_FAILED -> "failed";
                default -> "segmented";
            };
            LOG.info("Phoenix grid: node {} {} the cluster; {} server(s) now (topology version {})",
                    id != null ? id : node.consistentId(), what,
                    discovery.topologyNodes().stream().filter(n -> !n.isClient()).count(), discovery.topologyVersion());
            NodeSettings current = settings;
            if (current != null && current.quorumSize() > 0) {
                try {
                    lifecycle.execute(this::checkQuorum);
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    // the runner is closing: no quorum to keep
                }
            }
        }
        return true;
    }

    private void refused(String message) {
        lastError = message;
        LOG.error(message);
    }

    private void probe(Ignite node, ForeignNodeWatch watch) {
        try {
            watch.round(node, message -> {
                lastError = message;
                LOG.error(message);
            }, (address, message) -> {
                LOG.info("Phoenix grid: the foreign node at {} is gone", address);
                if (message.equals(lastError)) {
                    lastError = null; // a condition that ended, unlike a refusal, which was an event
                }
            });
        } catch (RuntimeException e) {
            LOG.debug("Phoenix grid: foreign node probe failed", e);
        }
    }

    /** One line: our own refusal message if there is one among the causes, else the innermost message. */
    static String reason(Throwable failure) {
        String innermost = null;
        String remote = "the cluster";
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            Matcher address = message == null ? null : REMOTE_ADDRESS.matcher(message);
            if (address != null && address.find() && remote.equals("the cluster")) {
                remote = "the node at " + address.group(1); // Ignite names the address whose handshake failed
            }
            if (message != null && message.contains(VersionCheck.PREFIX)) {
                return message.substring(message.indexOf(VersionCheck.PREFIX) + VersionCheck.PREFIX.length())
                        .lines().findFirst().orElse(message);
            }
            if (t instanceof SSLException && message != null && message.contains("Detected SSL alert")) {
                // what a plain node reads from a TLS listener
                return remote + " uses TLS and this node does not (set tls.enabled with the cluster's key and trust"
                        + " stores)";
            }
            if (t instanceof SSLException) {
                return "the TLS handshake with " + remote + " failed (" + message + "): this node's certificate "
                        + "(tls.keystore) must be signed by the cluster's CA, and its trust store (tls.truststore) "
                        + "must hold that CA";
            }
            if (message != null && message.contains("same hash code for partitioned affinity")) {
                // Ignite's own check (consistent id = node id) when it runs before ours
                return "a member of the cluster already uses this node id (give each node its own node.id, e.g. "
                        + "with PHOENIX_NODE_ID)";
            }
            if (message != null && !message.isBlank()) {
                innermost = t.getClass().getSimpleName() + ": " + message.lines().findFirst().orElse(message);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return innermost != null ? innermost : failure.toString();
    }

    private static int discoveryPort(Ignite node) {
        return node.configuration().getDiscoverySpi() instanceof TcpDiscoverySpi spi ? spi.getLocalPort() : -1;
    }

    private static int communicationPort(Ignite node) {
        // The SPI publishes its bound port as node attribute "<spi name>.comm.tcp.port".
        for (Map.Entry<String, Object> attribute : node.cluster().localNode().attributes().entrySet()) {
            if (attribute.getKey().endsWith("." + TcpCommunicationSpi.ATTR_PORT) && attribute.getValue() instanceof Integer port) {
                return port;
            }
        }
        return -1;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }
}
