package io.phoenix.runtime.core.internal;

import io.phoenix.agent.api.AgentContext;
import io.phoenix.agent.api.AgentRef;
import io.phoenix.agent.api.TimerHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;

/** The {@link AgentContext} of one turn or lifecycle callback: collects the new state and a stop request. */
final class TurnContext implements AgentContext<Object> {

    private final LocalRuntime runtime;
    private final Activation agent;
    private final TypeBinding binding;
    private Object pendingState;
    private boolean changed;
    private boolean stopRequested;

    TurnContext(LocalRuntime runtime, Activation agent, TypeBinding binding) {
        this.runtime = runtime;
        this.agent = agent;
        this.binding = binding;
    }

    boolean changedState() {
        return changed;
    }

    Object pendingState() {
        return pendingState;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    @Override
    public String id() {
        return agent.id;
    }

    @Override
    public String type() {
        return binding.name;
    }

    @Override
    public String typeVersion() {
        return binding.versionString();
    }

    @Override
    public Object state() {
        return changed ? pendingState : agent.state;
    }

    @Override
    public void setState(Object newState) {
        Objects.requireNonNull(newState, "state must not be null");
        if (!binding.stateType.isInstance(newState)) {
            throw new IllegalArgumentException("state of type " + binding.name + " must be a "
                    + binding.stateType.getName() + ", not " + newState.getClass().getName());
        }
        pendingState = newState;
        changed = true;
    }

    @Override
    public AgentRef self() {
        return runtime.ref(binding.name, agent.id);
    }

    @Override
    public AgentRef ref(String agentId) {
        return runtime.ref(agentId);
    }

    @Override
    public void cast(String agentId, Object message) {
        runtime.cast(agentId, message);
    }

    @Override
    public CompletionStage<Object> call(String agentId, Object message, Duration timeout) {
        return runtime.call(agentId, message, timeout);
    }

    @Override
    public CompletionStage<AgentRef> spawn(String type, String agentId, Object initialState) {
        return runtime.spawn(type, agentId, initialState);
    }

    @Override
    public TimerHandle schedule(Duration delay, Object message) {
        return timers().schedule(delay, null, message);
    }

    @Override
    public TimerHandle scheduleAtFixedRate(Duration initialDelay, Duration period, Object message) {
        Objects.requireNonNull(period, "period");
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive");
        }
        return timers().schedule(initialDelay, period, message);
    }

    private TimerSet timers() {
        TimerSet timers = agent.timers;
        if (timers == null) {
            timers = new TimerSet(agent, runtime.scheduler);
            agent.timers = timers;
        }
        return timers;
    }

    @Override
    public void stopSelf() {
        stopRequested = true;
    }

    @Override
    public Logger log() {
        return binding.logger;
    }
}
