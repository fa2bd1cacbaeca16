package io.phoenix.runtime.core.internal;

import io.phoenix.agent.api.AgentFailedException;
import io.phoenix.agent.api.StateFormat;
import io.phoenix.runtime.management.RuntimeEvent.Kind;
import io.phoenix.runtime.spi.EncodedState;
import java.util.Map;
import java.util.Optional;
import io.phoenix.runtime.spi.StateStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves an activation's state between its forms — live, encoded, stored — and runs the agent's
 * lifecycle callbacks on the way: activation (spawn, re-activation, upgrade, restart), passivation
 * and stop. Everything here runs in the activation's turn order, except {@link #snapshot}, which a type
 * switch calls while no turn of that type can run.
 */
final class StateLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(StateLifecycle.class);

    private final LocalRuntime runtime;

    StateLifecycle(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Makes the state live under {@code current}, decoding (and upgrading) it if needed. On failure the
     * envelope is failed, the encoded state is kept untouched, and false is returned.
     */
    boolean ensureLive(Activation agent, TypeBinding current, Envelope envelope) {
        TypeBinding live = agent.binding;
        if (live == current && agent.state != null) {
            return true;
        }
        long started = System.nanoTime(); // not the hot path: only turns that (re)build an agent's state get here
        if (live != null && agent.state != null) {
            // Still on an older version: a switch could not snapshot it, so it is done here.
            snapshot(agent, live);
        }
        EncodedState encoded = agent.encoded;
        if (encoded == null) {
            Optional<EncodedState> stored = runtime.stateStore.load(agent.id);
            if (stored.isEmpty()) {
                LOG.error("agent '{}' has no live, encoded or stored state; refusing to invent one", agent.id);
                envelope.fail(new AgentFailedException(agent.id, "state of agent '" + agent.id + "' is missing"));
                return false;
            }
            encoded = stored.get();
        }
        Object state;
        try {
            state = decode(agent.id, current, encoded);
        } catch (Throwable error) {
            agent.slot.failed.increment();
            String message = "agent '" + agent.id + "': version " + current.versionString()
                    + " cannot read its state written by version " + encoded.typeVersion() + " (schema "
                    + encoded.schemaVersion() + "): " + TurnRunner.describe(error);
            LOG.error(message, error);
            agent.encoded = encoded;
            envelope.fail(new AgentFailedException(agent.id, message, error));
            return false;
        }
        String reason = agent.lifecycle == Activation.PASSIVATED ? "reactivated"
                : encoded.typeVersion().equals(current.versionString()) ? "resumed" : "upgraded";
        agent.state = state;
        agent.binding = current;
        agent.encoded = null;
        if (agent.lifecycle == Activation.PASSIVATED && !runtime.stateStore.persistsEveryCommit()) {
            runtime.stateStore.remove(agent.id); // a local store only holds what is not live
        }
        agent.lifecycle = Activation.ACTIVE;
        activated(agent, current, reason, started);
        return true;
    }

    static Object decode(String agentId, TypeBinding current, EncodedState encoded) throws Exception {
        Object state;
        if (encoded.schemaVersion() == current.stateVersion) {
            state = current.codec.decode(encoded.format(), encoded.bytes(), current.stateType);
        } else {
            state = current.type.upgradeState(new EncodedPriorState(agentId, encoded, current.codec));
        }
        if (state == null || !current.stateType.isInstance(state)) {
            throw new IllegalStateException("decoded state is " + (state == null ? "null" : state.getClass().getName())
                    + ", not a " + current.stateType.getName());
        }
        return state;
    }

    /** Commits a turn's new state; returns a stage when a replicated store must confirm it first. */
    CompletionStage<Void> commit(Activation agent, TypeBinding binding, Object newState) {
        return commit(agent, binding, newState, runtime.stateStore);
    }

    /** As {@link #commit(Activation, TypeBinding, Object)}, with the store the caller already decided on. */
    CompletionStage<Void> commit(Activation agent, TypeBinding binding, Object newState, StateStore store) {
        if (!store.persistsEveryCommit()) {
            agent.state = newState;
            return null;
        }
        // Encoded before the state is taken over: a state that cannot be encoded fails the turn and leaves the
        // committed state as it was.
        EncodedState encoded = encode(binding, newState);
        agent.state = newState;
        // Saves of one agent are chained, so a slower earlier save can never overwrite a later one.
        CompletableFuture<Void> previous = agent.lastSave;
        CompletableFuture<Void> saved = previous == null || previous.isDone()
                ? save(store, agent.id, encoded)
                : previous.handle((ignored, error) -> null).thenCompose(ignored -> save(store, agent.id, encoded));
        agent.lastSave = saved;
        return saved;
    }

    /** A store that throws instead of failing its stage is treated alike: the turn's reply waits for this stage. */
    private static CompletableFuture<Void> save(StateStore store, String agentId, EncodedState encoded) {
        try {
            return store.save(agentId, encoded).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Runs onActivate with the committed state; a failure is reported but does not stop the agent. */
    void activated(Activation agent, TypeBinding binding, String reason) {
        callback(agent, binding, true);
        runtime.events.publish(Kind.AGENT_STARTED, binding.name, agent.id, Map.of("reason", reason,
                "version", binding.versionString()));
    }

    /**
     * As {@link #activated(Activation, TypeBinding, String)} for an agent whose state was just loaded, decoded or
     * upgraded: the event says how long that took, onActivate included ({@code durationMicros}).
     */
    private void activated(Activation agent, TypeBinding binding, String reason, long startedNanos) {
        callback(agent, binding, true);
        runtime.events.publish(Kind.AGENT_STARTED, binding.name, agent.id, Map.of("reason", reason,
                "version", binding.versionString(),
                "durationMicros", Long.toString((System.nanoTime() - startedNanos) / 1_000)));
    }

    void restart(Activation agent, TypeBinding binding, Throwable cause) {
        cancelTimers(agent);
        LOG.warn("agent '{}' failed ({}); restarting from its last committed state", agent.id,
                TurnRunner.describe(cause));
        runtime.events.publish(Kind.AGENT_RESTARTED, binding.name, agent.id,
                Map.of("error", TurnRunner.describe(cause)));
        callback(agent, binding, true);
    }

    void passivateIfIdle(Activation agent) {
        TypeBinding binding = agent.binding;
        if (agent.hasMoreMessages() || agent.lifecycle != Activation.ACTIVE || binding == null || agent.state == null) {
            return;
        }
        callback(agent, binding, false);
        runtime.stateStore.save(agent.id, encode(binding, agent.state));
        cancelTimers(agent);
        agent.lifecycle = Activation.PASSIVATED;
        agent.state = null;
        agent.binding = null;
        runtime.events.publish(Kind.AGENT_PASSIVATED, binding.name, agent.id, Map.of());
    }

    void stop(Activation agent, TypeBinding binding) {
        callback(agent, binding, false);
        finishStop(agent, binding.name);
    }

    /** Stop reached in turn order, whatever form the state is in. */
    void stopFromAnyForm(Activation agent, TypeBinding current) {
        if (agent.lifecycle == Activation.STOPPED) {
            return;
        }
        if (agent.binding == current && agent.state != null) {
            stop(agent, current);
        } else {
            finishStop(agent, agent.slot.name);
        }
    }

    private void finishStop(Activation agent, String typeName) {
        cancelTimers(agent);
        agent.lifecycle = Activation.STOPPED;
        agent.state = null;
        agent.encoded = null;
        runtime.forget(agent);
        runtime.events.publish(Kind.AGENT_STOPPED, typeName, agent.id, Map.of());
    }

    /**
     * Ends the activation here so another node can take the agent: its state is made durable in the
     * store, the directory claim is given up, and messages still queued are forwarded (by the turn
     * runner) to wherever the agent lives next.
     */
    void release(Activation agent) {
        if (agent.ended()) {
            return;
        }
        TypeBinding binding = agent.binding;
        EncodedState toSave = null;
        if (binding != null && agent.state != null) {
            callback(agent, binding, false);
            toSave = encode(binding, agent.state);
        } else if (agent.encoded != null) {
            toSave = agent.encoded;
        }
        if (toSave != null) {
            // Waiting here is deliberate: the next owner must find the latest state when it claims.
            try {
                runtime.stateStore.save(agent.id, toSave).toCompletableFuture().join();
            } catch (RuntimeException e) {
                // Every acknowledged update is stored already (a reply waits for its save): what this save carried
                // beyond that was answered as uncertain, so the hand-off goes on from the last stored state.
                LOG.warn("agent '{}' is handed off with its last stored state: the final save failed: {}", agent.id,
                        TurnRunner.describe(TurnRunner.unwrap(e)));
            }
        }
        cancelTimers(agent);
        agent.lifecycle = Activation.RELEASED;
        agent.state = null;
        agent.binding = null;
        agent.encoded = null;
        runtime.released(agent);
    }

    /** Drops the live state so the next turn reloads it from the store (after a failed save). */
    void forgetLiveState(Activation agent) {
        if (agent.ended() || agent.binding == null) {
            return;
        }
        cancelTimers(agent);
        agent.state = null;
        agent.binding = null;
        agent.encoded = null;
        agent.lifecycle = Activation.PASSIVATED;
    }

    /** Encodes live state with the binding that owns it, so any later version can read it. */
    void snapshot(Activation agent, TypeBinding owner) {
        Object state = agent.state;
        if (state == null || agent.binding != owner) {
            return;
        }
        agent.encoded = encode(owner, state);
        agent.binding = null;
        agent.state = null;
        cancelTimers(agent);
    }

    static EncodedState encode(TypeBinding binding, Object state) {
        StateFormat format = binding.options.stateFormat();
        return new EncodedState(binding.name, binding.versionString(), binding.stateVersion, format,
                binding.codec.encode(format, state));
    }

    private void callback(Activation agent, TypeBinding binding, boolean activate) {
        TurnContext context = new TurnContext(runtime, agent, binding);
        try {
            if (activate) {
                binding.type.onActivate(context);
            } else {
                binding.type.onPassivate(context);
            }
            if (context.changedState()) {
                long started = System.nanoTime();
                CompletionStage<Void> saved = commit(agent, binding, context.pendingState());
                if (saved != null) {
                    runtime.replication.track(agent, started, saved);
                }
            }
        } catch (Throwable error) {
            if (error instanceof VirtualMachineError && !(error instanceof StackOverflowError)) {
                throw (VirtualMachineError) error;
            }
            LOG.warn("agent '{}': {} failed: {}", agent.id, activate ? "onActivate" : "onPassivate",
                    TurnRunner.describe(error), error);
        }
    }

    private static void cancelTimers(Activation agent) {
        TimerSet timers = agent.timers;
        if (timers != null) {
            timers.cancelAll();
            agent.timers = null;
        }
    }
}
