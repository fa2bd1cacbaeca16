package io.phoenix.runtime.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.phoenix.agent.api.AgentAlreadyExistsException;
import io.phoenix.agent.api.AgentException;
import io.phoenix.agent.api.AgentFailedException;
import io.phoenix.agent.api.AgentInfo;
import io.phoenix.agent.api.AgentNotFoundException;
import io.phoenix.agent.api.AgentPage;
import io.phoenix.agent.api.AgentQuery;
import io.phoenix.agent.api.AgentRef;
import io.phoenix.agent.api.AgentRuntime;
import io.phoenix.agent.api.AgentType;
import io.phoenix.agent.api.BadMessageException;
import io.phoenix.agent.api.TypeNotAvailableException;
import io.phoenix.runtime.management.AgentTypeInfo;
import io.phoenix.runtime.management.LatencySnapshot;
import io.phoenix.runtime.management.NodeStatus;
import io.phoenix.runtime.management.RuntimeEventListener;
import io.phoenix.runtime.management.RuntimeManagement;
import io.phoenix.runtime.management.RuntimeEvent.Kind;
import io.phoenix.agent.api.AgentUnavailableException;
import io.phoenix.runtime.spi.AgentDirectory;
import io.phoenix.runtime.spi.AgentHost;
import io.phoenix.runtime.spi.RemoteReply;
import io.phoenix.runtime.spi.RemoteRequest;
import io.phoenix.runtime.spi.RemoteRequest.Operation;
import io.phoenix.runtime.spi.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime of one node: the table of its agents, the type registry, the dispatcher that runs
 * turns, timers, passivation and events. Plain Java, so the DS component, unit tests, the benchmarks
 * and the agent testkit all build it the same way.
 */
public final class LocalRuntime implements AgentRuntime, RuntimeManagement, AgentHost, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);
    private static final long MAX_TIMEOUT_MILLIS = TimeUnit.HOURS.toMillis(1);

    volatile RuntimeSettings settings;
    final Clock clock;
    final ForkJoinPool dispatcher;
    final ScheduledThreadPoolExecutor scheduler;
    final EventBus events;
    /** Counts writes to a replicated store and publishes their per-second summary. */
    final ReplicationTelemetry replication;
    final StateLifecycle lifecycle;
    final TurnRunner turns;
    private final LocalStateStore localStore = new LocalStateStore();
    /** The local store on a single node; the cluster's replicated store once a cluster is attached. */
    volatile StateStore stateStore = localStore;
    /** Null on a single node. */
    volatile ClusterLink cluster;
    /** Set once this node lost its cluster: local misses are "unavailable", not "not found", until it rejoins. */
    private volatile boolean detached;
    /** Set while a cluster bundle is installed: before the first attach, misses are "unavailable" too. */
    private volatile boolean clusterExpected;
    /** Completed when the runtime attaches to a cluster; replaced by a new one when it detaches. */
    private volatile CompletableFuture<Void> attached = new CompletableFuture<>();
    /** The ownership lease: turns run here only while it holds (see {@link OwnershipLease}). */
    final OwnershipLease lease = new OwnershipLease();
    /** Most a request from another node waits for this runtime to attach to the cluster it arrived through. */
    static final long ATTACH_WAIT_MILLIS = 3_000;
    /** Metrics observers of remote traffic and placement lookups; empty on most nodes without metrics. */
    final java.util.concurrent.CopyOnWriteArrayList<io.phoenix.runtime.management.TransportObserver> observers =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Converts objects for callers outside any agent (replies, remote state) — not tied to a bundle. */
    private final JsonSupport externalCodec = JsonSupport.forType();
    private final TypeRegistry types;
    private final AgentTable table = new AgentTable();
    private final Instant startedAt;
    private ScheduledFuture<?> sweeper;
    /** Sample interval minus one: a message is timed when a random int has none of these bits set. */
    final int latencySampleMask;

    /**
     * Starts a runtime.
     *
     * @param settings the configuration
     * @param clock the clock for idle times and event timestamps
     */
    public LocalRuntime(RuntimeSettings settings, Clock clock) {
        this(settings, clock, LatencyHistogram.SAMPLE_INTERVAL);
    }

    /** Tests time every message (interval 1) to assert on exact counts. */
    LocalRuntime(RuntimeSettings settings, Clock clock, int latencySampleInterval) {
        if (Integer.bitCount(latencySampleInterval) != 1) {
            throw new IllegalArgumentException("latency sample interval must be a power of two");
        }
        this.latencySampleMask = latencySampleInterval - 1;
        this.settings = settings;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.dispatcher = new ForkJoinPool(settings.dispatcherThreads(), pool -> {
            var worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            worker.setName("phoenix-dispatcher-" + worker.getPoolIndex());
            return worker;
        }, (thread, error) -> LOG.error("uncaught error on {}", thread.getName(), error), true);
        this.scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "phoenix-timers");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        this.events = new EventBus(settings.nodeId(), clock, settings.eventsQueueCapacity());
        this.replication = new ReplicationTelemetry(events, observers, this::nodeId);
        replication.start(scheduler, ReplicationTelemetry.PERIOD);
        this.lifecycle = new StateLifecycle(this);
        this.turns = new TurnRunner(this, lifecycle);
        this.types = new TypeRegistry(this);
        scheduleSweep(settings);
    }

    private synchronized void scheduleSweep(RuntimeSettings current) {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        long sweepMillis = Math.max(10, current.passivationSweep().toMillis());
        sweeper = scheduler.scheduleWithFixedDelay(new PassivationSweep(this), sweepMillis, sweepMillis,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Applies new settings to the running runtime. Node id, dispatcher threads and the event backlog
     * keep their values until the next start; the rest applies at once.
     *
     * @param next the new settings
     */
    public void reconfigure(RuntimeSettings next) {
        RuntimeSettings current = settings;
        if (!next.nodeId().equals(current.nodeId()) || next.dispatcherThreads() != current.dispatcherThreads()
                || next.eventsQueueCapacity() != current.eventsQueueCapacity()) {
            LOG.info("node.id, dispatcher.threads and events.queue.capacity apply at the next start of the runtime");
        }
        settings = new RuntimeSettings(current.nodeId(), current.dispatcherThreads(), next.batchSize(),
                next.callTimeout(), next.maxMessageBytes(), next.passivationSweep(), next.upgradeDrain(),
                current.eventsQueueCapacity());
        if (!next.passivationSweep().equals(current.passivationSweep())) {
            scheduleSweep(settings);
        }
    }

    /**
     * Registers an agent type implementation (the whiteboard tracker calls this).
     *
     * @param type the agent type service
     * @param version its bundle's version
     * @param bundle its bundle's symbolic name
     * @param serviceId the service id, used to remove it again
     * @return whether the type was accepted; a rejected type is logged with the reason
     */
    public boolean addType(AgentType<?, ?> type, Version version, String bundle, long serviceId) {
        return types.add(type, version, bundle, serviceId);
    }

    /**
     * Removes an agent type implementation; its agents are suspended unless another version remains.
     *
     * @param serviceId the id given to {@link #addType}
     */
    public void removeType(long serviceId) {
        types.remove(serviceId);
    }

    /** @param observer an observer of remote traffic and placement lookups */
    public void addObserver(io.phoenix.runtime.management.TransportObserver observer) {
        observers.add(observer);
    }

    /** @param observer an observer to remove */
    public void removeObserver(io.phoenix.runtime.management.TransportObserver observer) {
        observers.remove(observer);
    }

    /** @param listener a listener to receive runtime events */
    public void addListener(RuntimeEventListener listener) {
        events.addListener(listener);
    }

    /** @param listener a listener to stop receiving runtime events */
    public void removeListener(RuntimeEventListener listener) {
        events.removeListener(listener);
    }

    Collection<Activation> agents() {
        return table.all();
    }

    /** Removes a stopped agent from every index. Runs in the agent's turn. */
    void forget(Activation agent) {
        if (table.remove(agent)) {
            stateStore.remove(agent.id);
            ClusterLink link = cluster;
            if (link != null) {
                link.directory.remove(agent.id);
            }
            agent.slot.agents.decrementAndGet();
        }
    }

    /** Drops a handed-off agent from this node's indexes and gives up its claim. Runs in its turn. */
    void released(Activation agent) {
        if (table.remove(agent)) {
            agent.slot.agents.decrementAndGet();
        }
        ClusterLink link = cluster;
        if (link != null) {
            link.directory.release(agent.id, settings.nodeId());
        }
        events.publish(Kind.AGENT_MIGRATED, agent.slot.name, agent.id, Map.of("from", settings.nodeId()));
    }

    /** Re-sends a message that reached an agent after it was handed off, to wherever it lives now. */
    void forward(Activation agent, Envelope envelope) {
        ClusterLink link = cluster;
        if (link == null) {
            envelope.fail(new AgentNotFoundException(agent.id, "agent '" + agent.id + "' left this node"));
            return;
        }
        link.forward(agent, envelope);
    }

    /**
     * Connects the runtime to a cluster: from now on agents are placed, claimed, stored and reached
     * through these services. Agents already here are registered in the directory and their state is
     * stored, so nothing created before the cluster came up is lost.
     *
     * @param placement where agents live
     * @param directory which agents exist and who holds them
     * @param store the replicated state store
     * @param transport how to reach other nodes
     */
    public void attachCluster(io.phoenix.runtime.spi.AgentPlacement placement, AgentDirectory directory,
                              StateStore store, io.phoenix.runtime.spi.AgentTransport transport) {
        ClusterLink link = new ClusterLink(this, placement, directory, store, transport);
        for (Activation agent : table.all()) {
            if (!directory.register(agent.id, agent.slot.name, settings.nodeId())) {
                LOG.error("agent '{}' exists on this node and elsewhere in the cluster; keeping the cluster's", agent.id);
                continue;
            }
            Object live = agent.state;
            TypeBinding binding = agent.binding;
            var encoded = live != null && binding != null ? StateLifecycle.encode(binding, live)
                    : agent.encoded != null ? agent.encoded : localStore.load(agent.id).orElse(null);
            if (encoded != null) {
                store.save(agent.id, encoded).toCompletableFuture().join();
            }
        }
        stateStore = store;
        cluster = link;
        detached = false;
        attached.complete(null);
        LOG.info("runtime joined the cluster as node {} ({} agents registered)", settings.nodeId(), table.size());
    }

    /**
     * Disconnects the runtime from the cluster (its bundles went away): every activation is dropped,
     * since another node may take its agents over, and the runtime continues as a single node.
     */
    public void detachCluster() {
        ClusterLink link = cluster;
        if (link == null) {
            return;
        }
        attached = new CompletableFuture<>();
        cluster = null;
        detached = true;
        int dropped = dropAll("the cluster services went away");
        synchronized (lease) {
            lease.renew(Long.MAX_VALUE); // a single node owns what it has; see leaseUntil
        }
        stateStore = localStore;
        LOG.warn("runtime left the cluster; {} activations dropped", dropped);
    }

    /**
     * Ends every activation here without saving or releasing: see {@link io.phoenix.runtime.spi.AgentHost#dropAll}.
     *
     * @param reason why, for the log
     * @return how many were dropped
     */
    public int dropAll(String reason) {
        int dropped = 0;
        for (Activation agent : table.all()) {
            if (table.remove(agent)) {
                agent.lifecycle = Activation.DROPPED;
                agent.slot.agents.decrementAndGet();
                agent.schedule(); // fails whatever is queued, as retryable
                dropped++;
            }
        }
        lease.resumeHeld(); // fenced activations were parked, still marked as scheduled: they drain now
        LOG.warn("dropped {} activations: {}", dropped, reason);
        return dropped;
    }

    AgentTable table() {
        return table;
    }

    /**
     * Sets the ownership lease: see {@link io.phoenix.runtime.spi.AgentHost#leaseUntil}.
     *
     * @param validUntilNanos the deadline, compared with {@link System#nanoTime()}; {@link Long#MAX_VALUE}: no limit
     */
    public void leaseUntil(long validUntilNanos) {
        // Only while a cluster is attached: a renewal racing with the detach must not leave a detached node with
        // a lease that nobody renews any more.
        synchronized (lease) {
            if (cluster != null) {
                lease.renew(validUntilNanos);
            }
        }
    }

    /**
     * See {@link io.phoenix.runtime.spi.AgentHost#expectCluster}.
     *
     * @param expected whether a cluster bundle is installed
     */
    public void expectCluster(boolean expected) {
        clusterExpected = expected;
    }

    /**
     * @return whether the ownership lease holds now (always on a single node): turns run only while it does
     */
    public boolean leaseValid() {
        return lease.valid();
    }

    TypeSlot slotFor(String typeName) {
        return types.slotFor(typeName);
    }

    // ---------------------------------------------------------------- AgentRuntime

    /** Most times a request may be forwarded between nodes while the topology settles. */
    static final int MAX_HOPS = 3;

    @Override
    public CompletionStage<AgentRef> spawn(String type, String agentId, Object initialState) {
        return spawnRouted(type, agentId, initialState, null, 0);
    }

    @Override
    public CompletionStage<AgentRef> spawnJson(String type, String agentId, String stateJson) {
        try {
            JsonNode tree = stateJson == null ? null : JsonSupport.parse(agentId, checkSize(agentId, stateJson));
            return spawnRouted(type, agentId, null, tree, 0);
        } catch (AgentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    CompletionStage<AgentRef> spawnRouted(String type, String agentId, Object state, JsonNode tree, int hops) {
        try {
            TypeNames.validateId(agentId);
            io.phoenix.agent.api.AgentIds.requireValid(agentId); // the one id rule every face shares (issue 8)
            ClusterLink link = cluster;
            if (link != null) {
                String owner = link.placement.nodeForNew(agentId, type);
                if (!owner.equals(nodeId())) {
                    checkHops(agentId, hops);
                    String stateJson = tree != null ? tree.toString() : state != null ? codecFor(type).toJson(state) : null;
                    return link.spawnRemote(owner, type, agentId, stateJson, hops).thenApply(ignored -> ref(type, agentId));
                }
            }
            if (detached) {
                throw new AgentUnavailableException(agentId, "node " + nodeId() + " is not connected to its cluster;"
                        + " an agent created here could duplicate one that exists there");
            }
            Activation agent = spawnNow(type, agentId, state, tree);
            return CompletableFuture.completedFuture(ref(type, agent.id));
        } catch (AgentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Activation spawnNow(String type, String agentId, Object state, JsonNode stateTree) {
        TypeNames.validateId(agentId);
        TypeSlot slot = type == null ? null : types.slot(type);
        TypeBinding binding = slot == null ? null : slot.current;
        if (binding == null) {
            throw new TypeNotAvailableException(agentId, "agent type '" + type + "' is not available"
                    + (slot == null ? ": no bundle registers it" : ": its bundle is stopped or being upgraded"));
        }
        if (table.get(agentId) != null) {
            throw new AgentAlreadyExistsException(agentId, "agent '" + agentId + "' already exists");
        }
        Object initial = initialState(binding, agentId, state, stateTree);
        Activation agent = new Activation(agentId, slot, this, binding, initial);
        if (!table.add(agent)) {
            throw new AgentAlreadyExistsException(agentId, "agent '" + agentId + "' already exists");
        }
        ClusterLink link = cluster;
        if (link != null) {
            if (!link.directory.register(agentId, binding.name, settings.nodeId())) {
                table.remove(agent);
                throw new AgentAlreadyExistsException(agentId, "agent '" + agentId + "' already exists in the cluster");
            }
            // Stored before the agent runs a turn, so a node that takes over always finds a state.
            stateStore.save(agentId, StateLifecycle.encode(binding, initial)).toCompletableFuture().join();
        }
        slot.agents.incrementAndGet();
        events.publish(Kind.AGENT_SPAWNED, binding.name, agentId, Map.of());
        agent.enqueueSystem(Envelope.signal(SystemSignal.ACTIVATE, null));
        return agent;
    }

    private static Object initialState(TypeBinding binding, String agentId, Object state, JsonNode tree) {
        if (tree != null) {
            return binding.codec.fromTree(agentId, tree, binding.stateType);
        }
        if (state != null) {
            return binding.codec.convert(agentId, state, binding.stateType);
        }
        Object initial;
        try {
            initial = binding.type.initialState(agentId);
        } catch (RuntimeException | LinkageError e) {
            throw new AgentFailedException(agentId, "initialState of type " + binding.name + " failed: "
                    + TurnRunner.describe(e), e);
        }
        if (!binding.stateType.isInstance(initial)) {
            throw new AgentFailedException(agentId, "initialState of type " + binding.name + " returned "
                    + (initial == null ? "null" : initial.getClass().getName()));
        }
        return initial;
    }

    @Override
    public AgentRef ref(String agentId) {
        return new LocalAgentRef(this, null, agentId);
    }

    @Override
    public AgentRef ref(String type, String agentId) {
        return new LocalAgentRef(this, type, agentId);
    }

    /**
     * Where an agent's messages go: its activation on this node (claimed from the cluster if this node
     * should host it), or the id of the node that hosts it.
     */
    Object locate(String type, String agentId, int hops) {
        Activation agent = table.get(agentId);
        if (agent != null && !agent.ended()) {
            return agent;
        }
        ClusterLink link = cluster;
        if (link == null) {
            return resolveLocal(type, agentId);
        }
        if (agentId == null) {
            throw new BadMessageException(null, "agent id must not be null");
        }
        String owner;
        if (observers.isEmpty()) {
            owner = link.placement.nodeFor(agentId, type);
        } else {
            long started = System.nanoTime();
            owner = link.placement.nodeFor(agentId, type);
            long took = System.nanoTime() - started;
            for (io.phoenix.runtime.management.TransportObserver observer : observers) {
                observer.placementLookup(nodeId(), took);
            }
        }
        if (!owner.equals(nodeId())) {
            checkHops(agentId, hops);
            return owner;
        }
        return link.claimLocal(type, agentId);
    }

    private static void checkHops(String agentId, int hops) {
        if (hops >= MAX_HOPS) {
            throw new AgentUnavailableException(agentId, "agent '" + agentId
                    + "' could not be located: the cluster topology is changing; retry");
        }
    }

    /** Single-node lookup; a typed lookup may create the agent when its type activates on message. */
    private Activation resolveLocal(String type, String agentId) {
        if (detached || clusterExpected) {
            // The agent may well exist on the cluster this node lost or has not joined yet: never "not found".
            throw new AgentUnavailableException(agentId, "node " + nodeId() + " is not connected to its cluster"
                    + (detached ? "" : " yet") + "; retry through another node, or once this node has joined");
        }
        if (type != null) {
            TypeSlot slot = types.slot(type);
            if (slot != null && slot.options().activateOnMessage()) {
                try {
                    return spawnNow(type, agentId, null, null);
                } catch (AgentAlreadyExistsException raced) {
                    Activation agent = table.get(agentId);
                    if (agent != null) {
                        return agent;
                    }
                }
            }
        }
        if (agentId == null) {
            throw new BadMessageException(null, "agent id must not be null");
        }
        throw new AgentNotFoundException(agentId, "agent '" + agentId + "' not found");
    }

    /** Creates an agent here for a message to an unknown id, if its type activates on message. */
    Activation spawnForMessage(String type, String agentId) {
        TypeSlot slot = type == null ? null : types.slot(type);
        if (slot == null || !slot.options().activateOnMessage()) {
            throw new AgentNotFoundException(agentId, "agent '" + agentId + "' not found");
        }
        try {
            return spawnNow(type, agentId, null, null);
        } catch (AgentAlreadyExistsException raced) {
            Activation agent = table.get(agentId);
            if (agent == null) {
                throw raced;
            }
            return agent;
        }
    }

    @Override
    public void cast(String agentId, Object message) {
        castRouted(null, agentId, message, 0);
    }

    void castRouted(String type, String agentId, Object message, int hops) {
        Object target = locate(type, agentId, hops);
        if (target instanceof Activation agent) {
            agent.enqueue(Envelope.cast(message));
        } else {
            cluster().castRemote((String) target, type, agentId, message, hops);
        }
    }

    @Override
    public CompletionStage<Object> call(String agentId, Object message, Duration timeout) {
        return callRouted(null, agentId, message, timeout, false, 0);
    }

    CompletionStage<Object> callRouted(String type, String agentId, Object message, Duration timeout, boolean jsonReply,
                                       int hops) {
        try {
            Object target = locate(type, agentId, hops);
            if (target instanceof Activation agent) {
                Envelope envelope = Envelope.call(message);
                envelope.jsonReply = jsonReply;
                return send(agent, envelope, timeout);
            }
            return cluster().callRemote((String) target, type, agentId, message, timeoutMillis(agentId, timeout),
                    jsonReply, hops);
        } catch (AgentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void castJson(String agentId, String messageJson) {
        JsonNode tree = JsonSupport.parse(agentId, checkSize(agentId, messageJson));
        castRouted(null, agentId, new JsonMessage(tree), 0);
    }

    @Override
    public CompletionStage<String> callJson(String agentId, String messageJson, Duration timeout) {
        try {
            JsonNode tree = JsonSupport.parse(agentId, checkSize(agentId, messageJson));
            return callRouted(null, agentId, new JsonMessage(tree), timeout, true, 0).thenApply(String.class::cast);
        } catch (AgentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Queues a call and arms its timeout; the timeout withdraws the message if it is still waiting. */
    CompletionStage<Object> send(Activation agent, Envelope envelope, Duration timeout) {
        long millis = timeoutMillis(agent.id, timeout);
        agent.enqueue(envelope);
        ScheduledFuture<?> task = scheduler.schedule(() -> expire(agent, envelope, millis), millis, TimeUnit.MILLISECONDS);
        envelope.timeoutTask(task);
        if (envelope.reply.isDone()) {
            task.cancel(false);
        }
        return envelope.reply;
    }

    private static void expire(Activation agent, Envelope envelope, long millis) {
        AgentException ifWithdrawn = null;
        if (agent.lifecycle == Activation.CLAIMING) {
            ifWithdrawn = new AgentUnavailableException(agent.id, "agent '" + agent.id + "' was still moving to this node after "
                    + millis + " ms; the message was withdrawn unhandled");
        } else if (agent.slot.current == null) {
            ifWithdrawn = new TypeNotAvailableException(agent.id, "agent type '" + agent.slot.name + "' was not available within "
                    + millis + " ms; the message to agent '" + agent.id + "' was withdrawn unhandled");
        }
        envelope.expire(agent.id, millis, ifWithdrawn);
    }

    long timeoutMillis(String agentId, Duration timeout) {
        Duration effective = timeout == null ? settings.callTimeout() : timeout;
        if (effective.isNegative() || effective.isZero()) {
            throw new BadMessageException(agentId, "timeout must be positive, was " + effective);
        }
        return Math.min(MAX_TIMEOUT_MILLIS, Math.max(1, effective.toMillis()));
    }

    private String checkSize(String agentId, String json) {
        // A char is at least one UTF-8 byte; the exact byte count matters only near the limit.
        if (json != null && json.length() > settings.maxMessageBytes()) {
            throw new BadMessageException(agentId, "message of " + json.length() + " characters exceeds the limit of "
                    + settings.maxMessageBytes() + " bytes");
        }
        return json;
    }

    /** The codec used for objects whose agent type is not known here (callers outside any agent). */
    JsonSupport codecFor(String type) {
        TypeSlot slot = type == null ? null : types.slot(type);
        TypeBinding seen = slot == null ? null : slot.lastSeen;
        return seen != null ? seen.codec : externalCodec;
    }

    @Override
    public <S> CompletionStage<S> state(String agentId, Class<S> stateType) {
        return onAgent(agentId, 0, Operation.STATE,
                agent -> CompletableFuture.completedFuture(new StateReader(this, agent).as(stateType)),
                json -> externalCodec.fromTree(agentId, JsonSupport.parse(agentId, json), stateType));
    }

    @Override
    public CompletionStage<String> stateJson(String agentId) {
        return stateJsonRouted(agentId, 0);
    }

    CompletionStage<String> stateJsonRouted(String agentId, int hops) {
        return onAgent(agentId, hops, Operation.STATE,
                agent -> CompletableFuture.completedFuture(new StateReader(this, agent).asJson()), json -> json);
    }

    @Override
    public CompletionStage<AgentInfo> info(String agentId) {
        return infoRouted(agentId, 0);
    }

    CompletionStage<AgentInfo> infoRouted(String agentId, int hops) {
        return onAgent(agentId, hops, Operation.INFO, agent -> CompletableFuture.completedFuture(describe(agent)),
                json -> externalCodec.fromTree(agentId, JsonSupport.parse(agentId, json), AgentInfo.class));
    }

    AgentInfo describe(Activation agent) {
        return new AgentInfo(agent.id, agent.slot.name, agent.typeVersion(), settings.nodeId(), agent.status(),
                agent.mailboxDepth(), agent.handled);
    }

    @Override
    public CompletionStage<Void> stop(String agentId) {
        return stopRouted(agentId, 0);
    }

    CompletionStage<Void> stopRouted(String agentId, int hops) {
        return onAgent(agentId, hops, Operation.STOP, this::stopLocal, json -> null);
    }

    private CompletionStage<Void> stopLocal(Activation agent) {
        synchronized (agent.slot) {
            if (agent.slot.current == null && agent.lifecycle != Activation.CLAIMING) {
                // Its type is away, so no turn can run it: stop it here rather than wait for the type.
                lifecycle.stopFromAnyForm(agent, null);
                agent.schedule(); // answers whatever is still queued
                return CompletableFuture.completedFuture(null);
            }
        }
        CompletableFuture<Object> done = new CompletableFuture<>();
        agent.enqueueSystem(Envelope.signal(SystemSignal.STOP, done));
        return done.thenApply(ignored -> null);
    }

    /** Runs an operation on the agent's activation here, or asks the node that hosts it. */
    private <T> CompletionStage<T> onAgent(String agentId, int hops, Operation operation,
                                           java.util.function.Function<Activation, CompletionStage<T>> here,
                                           java.util.function.Function<String, T> fromJson) {
        try {
            Object target = locate(null, agentId, hops);
            if (target instanceof Activation agent) {
                return here.apply(agent);
            }
            return cluster().remote((String) target, operation, null, agentId, null, settings.callTimeout().toMillis(),
                    hops).thenApply(fromJson);
        } catch (AgentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public AgentPage list(AgentQuery query) {
        ClusterLink link = cluster;
        return link == null ? listLocal(query) : link.list(query);
    }

    AgentPage listLocal(AgentQuery query) {
        return table.page(query, this::describe);
    }

    private ClusterLink cluster() {
        ClusterLink link = cluster;
        if (link == null) {
            throw new AgentUnavailableException(null, "this node left the cluster");
        }
        return link;
    }

    // ---------------------------------------------------------------- AgentHost

    @Override
    public CompletionStage<RemoteReply> handle(String fromNode, RemoteRequest request) {
        ClusterLink link = cluster;
        if (link != null) {
            return link.handle(fromNode, request);
        }
        // The cluster services come up one by one: this node's transport may receive requests a moment before the
        // runtime has attached (while it starts or rejoins). Such a request waits for the attach, briefly.
        long wait = Math.max(0, Math.min(ATTACH_WAIT_MILLIS, request.timeoutMillis() / 2));
        return attached.copy().completeOnTimeout(null, wait, TimeUnit.MILLISECONDS).thenCompose(ignored -> {
            ClusterLink now = cluster;
            return now != null ? now.handle(fromNode, request)
                    : CompletableFuture.completedFuture(RemoteReply.failure(new AgentUnavailableException(
                            request.agentId(), "node " + nodeId() + " is not in a cluster")));
        });
    }

    @Override
    public CompletionStage<Integer> rehome() {
        ClusterLink link = cluster;
        return link == null ? CompletableFuture.completedFuture(0) : link.rehome();
    }

    @Override
    public long localAgents() {
        return table.size();
    }

    @Override
    public void publish(Kind kind, Map<String, String> attributes) {
        events.publish(kind, null, null, attributes);
    }

    /** Activates an agent where it is placed (loading its state and running onActivate); null payload. */
    CompletionStage<String> activateRouted(String type, String agentId, int hops) {
        try {
            Object target = locate(type, agentId, hops);
            if (target instanceof Activation agent) {
                CompletableFuture<Object> done = new CompletableFuture<>();
                agent.enqueueSystem(Envelope.signal(SystemSignal.WAKE, done));
                return done.thenApply(ignored -> null);
            }
            return cluster().remote((String) target, Operation.ACTIVATE, type, agentId, null,
                    settings.callTimeout().toMillis(), hops);
        } catch (AgentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Hands one local agent off (in its turn order); completes when it is released. */
    CompletionStage<Void> releaseLocal(String agentId) {
        Activation agent = table.get(agentId);
        if (agent == null || agent.ended()) {
            return CompletableFuture.completedFuture(null);
        }
        if (agent.lifecycle == Activation.CLAIMING) {
            return CompletableFuture.failedFuture(new AgentUnavailableException(agentId,
                    "agent '" + agentId + "' is being claimed by this node"));
        }
        synchronized (agent.slot) {
            if (agent.slot.current == null) {
                lifecycle.release(agent); // no turn can run: release from here
                agent.schedule();
                return CompletableFuture.completedFuture(null);
            }
        }
        CompletableFuture<Object> done = new CompletableFuture<>();
        agent.enqueueSystem(Envelope.signal(SystemSignal.RELEASE, done));
        return done.thenApply(ignored -> null);
    }

    // ---------------------------------------------------------------- RuntimeManagement

    @Override
    public String nodeId() {
        return settings.nodeId();
    }

    @Override
    public List<AgentTypeInfo> types() {
        return new RuntimeReport(types.slots(), table.all(), settings, startedAt).types();
    }

    @Override
    public Optional<AgentTypeInfo> type(String typeName) {
        return types().stream().filter(type -> type.name().equals(typeName)).findFirst();
    }

    @Override
    public NodeStatus status() {
        return new RuntimeReport(types.slots(), table.all(), settings, startedAt).status();
    }

    @Override
    public LatencySnapshot messageLatency() {
        return RuntimeReport.latency(types.slots());
    }

    @Override
    public Map<String, LatencySnapshot> messageLatencyByType() {
        return RuntimeReport.latencyByType(types.slots());
    }

    /**
     * Stops the runtime: no more turns run; agents' in-memory state is dropped (single-node state is
     * not durable). Waits briefly for running turns.
     */
    @Override
    public void close() {
        synchronized (this) {
            sweeper.cancel(false);
        }
        dispatcher.shutdown();
        scheduler.shutdownNow();
        try {
            if (!dispatcher.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("agent turns still running 5 s after shutdown; abandoning them");
                dispatcher.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        events.close();
    }

    TypeRegistry typeRegistry() {
        return types;
    }
}
