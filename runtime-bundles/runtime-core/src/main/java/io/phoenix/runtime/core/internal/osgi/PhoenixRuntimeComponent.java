package io.phoenix.runtime.core.internal.osgi;

import io.phoenix.agent.api.AgentInfo;
import io.phoenix.agent.api.AgentPage;
import io.phoenix.agent.api.AgentQuery;
import io.phoenix.agent.api.AgentRef;
import io.phoenix.agent.api.AgentRuntime;
import io.phoenix.agent.api.AgentType;
import io.phoenix.runtime.core.internal.LocalRuntime;
import io.phoenix.runtime.management.AgentTypeInfo;
import io.phoenix.runtime.management.LatencySnapshot;
import io.phoenix.runtime.management.NodeStatus;
import io.phoenix.runtime.management.RuntimeEventListener;
import io.phoenix.runtime.management.RuntimeManagement;
import io.phoenix.runtime.management.TransportObserver;
import io.phoenix.runtime.spi.AgentDirectory;
import io.phoenix.runtime.spi.AgentHost;
import io.phoenix.runtime.spi.AgentPlacement;
import io.phoenix.runtime.spi.AgentTransport;
import io.phoenix.runtime.spi.RemoteReply;
import io.phoenix.runtime.spi.RemoteRequest;
import io.phoenix.runtime.spi.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The runtime as OSGi services: builds the {@link LocalRuntime} from configuration and feeds it the
 * agent types and event listeners of the whiteboard. Agent types can be bound before activation and
 * after deactivation, so bindings are buffered around the runtime's life.
 */
@Component(service = {AgentRuntime.class, RuntimeManagement.class, AgentHost.class}, immediate = true,
        configurationPid = RuntimeConfig.PID)
@Designate(ocd = RuntimeConfig.class)
public class PhoenixRuntimeComponent implements AgentRuntime, RuntimeManagement, AgentHost {

    /** Guarded by this: whiteboard services seen so far, replayed into the runtime when it starts. */
    private final Map<Long, Registration> typesSeen = new LinkedHashMap<>();
    private final Set<RuntimeEventListener> listenersSeen = new LinkedHashSet<>();
    private final Set<TransportObserver> observersSeen = new LinkedHashSet<>();
    private LocalRuntime runtime;
    /** Guarded by this: the cluster services seen so far; the runtime is clustered while all four are here. */
    private final ClusterServices clusterServices = new ClusterServices();

    private record Registration(AgentType<?, ?> type, Version version, String bundle) {
    }

    @Activate
    void activate(RuntimeConfig config) {
        LocalRuntime started = new LocalRuntime(RuntimeConfigMapping.toSettings(config, System.getenv()), Clock.systemUTC());
        synchronized (this) {
            runtime = started;
            listenersSeen.forEach(started::addListener);
            observersSeen.forEach(started::addObserver);
            typesSeen.forEach((id, registration) ->
                    started.addType(registration.type(), registration.version(), registration.bundle(), id));
            clusterServices.applyTo(started);
        }
    }

    @Modified
    void modified(RuntimeConfig config) {
        runtime().reconfigure(RuntimeConfigMapping.toSettings(config, System.getenv()));
    }

    @Deactivate
    void deactivate() {
        LocalRuntime stopping;
        synchronized (this) {
            stopping = runtime;
            runtime = null;
        }
        if (stopping != null) {
            stopping.close();
        }
    }

    @Reference(service = AgentType.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void bindAgentType(AgentType<?, ?> type, ServiceReference<AgentType<?, ?>> reference) {
        long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        Bundle bundle = reference.getBundle();
        Registration registration = new Registration(type, bundle == null ? Version.emptyVersion : bundle.getVersion(),
                bundle == null ? "unknown" : bundle.getSymbolicName());
        LocalRuntime current;
        synchronized (this) {
            typesSeen.put(serviceId, registration);
            current = runtime;
        }
        if (current != null) {
            current.addType(type, registration.version(), registration.bundle(), serviceId);
        }
    }

    void unbindAgentType(AgentType<?, ?> type, ServiceReference<AgentType<?, ?>> reference) {
        long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        LocalRuntime current;
        synchronized (this) {
            typesSeen.remove(serviceId);
            current = runtime;
        }
        if (current != null) {
            // Runs while the agent bundle stops: its classes still work, so state is encoded now.
            current.removeType(serviceId);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindPlacement(AgentPlacement placement) {
        clusterServices.placement = placement;
        clusterServices.applyTo(runtime);
    }

    synchronized void unbindPlacement(AgentPlacement placement) {
        clusterServices.remove(placement, runtime);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindDirectory(AgentDirectory directory) {
        clusterServices.directory = directory;
        clusterServices.applyTo(runtime);
    }

    synchronized void unbindDirectory(AgentDirectory directory) {
        clusterServices.remove(directory, runtime);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindStateStore(StateStore store) {
        clusterServices.store = store;
        clusterServices.applyTo(runtime);
    }

    synchronized void unbindStateStore(StateStore store) {
        clusterServices.remove(store, runtime);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindTransport(AgentTransport transport) {
        clusterServices.transport = transport;
        clusterServices.applyTo(runtime);
    }

    synchronized void unbindTransport(AgentTransport transport) {
        clusterServices.remove(transport, runtime);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void bindObserver(TransportObserver observer) {
        observersSeen.add(observer);
        if (runtime != null) {
            runtime.addObserver(observer);
        }
    }

    synchronized void unbindObserver(TransportObserver observer) {
        observersSeen.remove(observer);
        if (runtime != null) {
            runtime.removeObserver(observer);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void bindListener(RuntimeEventListener listener) {
        listenersSeen.add(listener);
        if (runtime != null) {
            runtime.addListener(listener);
        }
    }

    synchronized void unbindListener(RuntimeEventListener listener) {
        listenersSeen.remove(listener);
        if (runtime != null) {
            runtime.removeListener(listener);
        }
    }

    private synchronized LocalRuntime runtime() {
        if (runtime == null) {
            throw new IllegalStateException("the Phoenix runtime is not active");
        }
        return runtime;
    }

    @Override
    public CompletionStage<AgentRef> spawn(String type, String agentId, Object initialState) {
        return runtime().spawn(type, agentId, initialState);
    }

    @Override
    public CompletionStage<AgentRef> spawnJson(String type, String agentId, String stateJson) {
        return runtime().spawnJson(type, agentId, stateJson);
    }

    @Override
    public AgentRef ref(String agentId) {
        return runtime().ref(agentId);
    }

    @Override
    public AgentRef ref(String type, String agentId) {
        return runtime().ref(type, agentId);
    }

    @Override
    public void cast(String agentId, Object message) {
        runtime().cast(agentId, message);
    }

    @Override
    public CompletionStage<Object> call(String agentId, Object message, Duration timeout) {
        return runtime().call(agentId, message, timeout);
    }

    @Override
    public void castJson(String agentId, String messageJson) {
        runtime().castJson(agentId, messageJson);
    }

    @Override
    public CompletionStage<String> callJson(String agentId, String messageJson, Duration timeout) {
        return runtime().callJson(agentId, messageJson, timeout);
    }

    @Override
    public <S> CompletionStage<S> state(String agentId, Class<S> stateType) {
        return runtime().state(agentId, stateType);
    }

    @Override
    public CompletionStage<String> stateJson(String agentId) {
        return runtime().stateJson(agentId);
    }

    @Override
    public CompletionStage<AgentInfo> info(String agentId) {
        return runtime().info(agentId);
    }

    @Override
    public CompletionStage<Void> stop(String agentId) {
        return runtime().stop(agentId);
    }

    @Override
    public AgentPage list(AgentQuery query) {
        return runtime().list(query);
    }

    @Override
    public String nodeId() {
        return runtime().nodeId();
    }

    @Override
    public List<AgentTypeInfo> types() {
        return runtime().types();
    }

    @Override
    public Optional<AgentTypeInfo> type(String typeName) {
        return runtime().type(typeName);
    }

    @Override
    public NodeStatus status() {
        return runtime().status();
    }

    @Override
    public LatencySnapshot messageLatency() {
        return runtime().messageLatency();
    }

    @Override
    public Map<String, LatencySnapshot> messageLatencyByType() {
        return runtime().messageLatencyByType();
    }

    @Override
    public CompletionStage<RemoteReply> handle(String fromNode, RemoteRequest request) {
        return runtime().handle(fromNode, request);
    }

    @Override
    public CompletionStage<Integer> rehome() {
        return runtime().rehome();
    }

    @Override
    public int dropAll(String reason) {
        return runtime().dropAll(reason);
    }

    @Override
    public long localAgents() {
        return runtime().localAgents();
    }

    @Override
    public void leaseUntil(long validUntilNanos) {
        runtime().leaseUntil(validUntilNanos);
    }

    @Override
    public void expectCluster(boolean expected) {
        runtime().expectCluster(expected);
    }

    @Override
    public void publish(io.phoenix.runtime.management.RuntimeEvent.Kind kind, Map<String, String> attributes) {
        runtime().publish(kind, attributes);
    }
}
