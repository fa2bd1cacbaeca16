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
import io.phoenix.runtime.management.NodeStatus;
import io.phoenix.runtime.management.RuntimeEventListener;
import io.phoenix.runtime.management.RuntimeManagement;
import io.phoenix.runtime.management.RuntimeEvent.Kind;
import io.phoenix.runtime.spi.AgentDirectory;
import io.phoenix.runtime.spi.AgentDirectory.DirectoryEntry;
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
public final class LocalRuntime implements AgentRuntime, RuntimeManagement, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);
    private static final long MAX_TIMEOUT_MILLIS = TimeUnit.HOURS.toMillis(1);

    volatile RuntimeSettings settings;
    final Clock clock;
    final ForkJoinPool dispatcher;
    final ScheduledThreadPoolExecutor scheduler;
    final EventBus events;
    final StateLifecycle lifecycle;
    final TurnRunner turns;
    final StateStore stateStore = new LocalStateStore();
    final AgentDirectory directory = new LocalDirectory();
    private final TypeRegistry types;
    private final AgentTable table = new AgentTable();
    private final Instant startedAt;
    private ScheduledFuture<?> sweeper;

    /**
     * Starts a runtime.
     *
     * @param settings the configuration
     * @param clock the clock for idle times and event timestamps
     */
    public LocalRuntime(RuntimeSettings settings, Clock clock) {
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
            directory.remove(agent.id);
            agent.slot.agents.decrementAndGet();
        }
    }

    // ---------------------------------------------------------------- AgentRuntime

    @Override
    public CompletionStage<AgentRef> spawn(String type, String agentId, Object initialState) {
        try {
            Activation agent = spawnNow(type, agentId, initialState, null);
            return CompletableFuture.completedFuture(ref(type, agent.id));
        } catch (AgentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<AgentRef> spawnJson(String type, String agentId, String stateJson) {
        try {
            JsonNode tree = stateJson == null ? null : JsonSupport.parse(agentId, checkSize(agentId, stateJson));
            Activation agent = spawnNow(type, agentId, null, tree);
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
        if (!directory.register(agentId, new DirectoryEntry(binding.name, settings.nodeId()))) {
            table.remove(agent);
            throw new AgentAlreadyExistsException(agentId, "agent '" + agentId + "' already exists on another node");
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

    /** Finds an agent; a typed lookup may create it when its type activates on message. */
    Activation resolve(String type, String agentId) {
        Activation agent = table.get(agentId);
        if (agent != null) {
            return agent;
        }
        if (type != null) {
            TypeSlot slot = types.slot(type);
            if (slot != null && slot.options().activateOnMessage()) {
                try {
                    return spawnNow(type, agentId, null, null);
                } catch (AgentAlreadyExistsException raced) {
                    agent = table.get(agentId);
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

    @Override
    public void cast(String agentId, Object message) {
        resolve(null, agentId).enqueue(Envelope.cast(message));
    }

    @Override
    public CompletionStage<Object> call(String agentId, Object message, Duration timeout) {
        try {
            return send(resolve(null, agentId), Envelope.call(message), timeout);
        } catch (AgentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void castJson(String agentId, String messageJson) {
        JsonNode tree = JsonSupport.parse(agentId, checkSize(agentId, messageJson));
        resolve(null, agentId).enqueue(Envelope.cast(new JsonMessage(tree)));
    }

    @Override
    public CompletionStage<String> callJson(String agentId, String messageJson, Duration timeout) {
        try {
            JsonNode tree = JsonSupport.parse(agentId, checkSize(agentId, messageJson));
            Envelope envelope = Envelope.call(new JsonMessage(tree));
            envelope.jsonReply = true;
            return send(resolve(null, agentId), envelope, timeout).thenApply(String.class::cast);
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
        AgentException ifWithdrawn = agent.slot.current == null
                ? new TypeNotAvailableException(agent.id, "agent type '" + agent.slot.name + "' was not available within "
                        + millis + " ms; the message to agent '" + agent.id + "' was withdrawn unhandled")
                : null;
        envelope.expire(agent.id, millis, ifWithdrawn);
    }

    private long timeoutMillis(String agentId, Duration timeout) {
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

    @Override
    public <S> CompletionStage<S> state(String agentId, Class<S> stateType) {
        try {
            return CompletableFuture.completedFuture(new StateReader(this, resolve(null, agentId)).as(stateType));
        } catch (AgentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<String> stateJson(String agentId) {
        try {
            return CompletableFuture.completedFuture(new StateReader(this, resolve(null, agentId)).asJson());
        } catch (AgentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<AgentInfo> info(String agentId) {
        try {
            return CompletableFuture.completedFuture(describe(resolve(null, agentId)));
        } catch (AgentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    AgentInfo describe(Activation agent) {
        return new AgentInfo(agent.id, agent.slot.name, agent.typeVersion(), settings.nodeId(), agent.status(),
                agent.mailboxDepth(), agent.handled);
    }

    @Override
    public CompletionStage<Void> stop(String agentId) {
        Activation agent;
        try {
            agent = resolve(null, agentId);
        } catch (AgentException e) {
            return CompletableFuture.failedFuture(e);
        }
        synchronized (agent.slot) {
            if (agent.slot.current == null) {
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

    @Override
    public AgentPage list(AgentQuery query) {
        return table.page(query, this::describe);
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
