package io.phoenix.runtime.core.internal;

import io.phoenix.agent.api.AgentCommitUncertainException;
import io.phoenix.agent.api.AgentException;
import io.phoenix.agent.api.AgentFailedException;
import io.phoenix.agent.api.AgentNotFoundException;
import io.phoenix.agent.api.AgentUnavailableException;
import io.phoenix.agent.api.BadMessageException;
import io.phoenix.runtime.spi.StateStore;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs an activation's turns: takes up to one batch of messages from its mailbox and hands them one
 * at a time to the agent type, committing state only after a turn completes normally. A failed turn
 * leaves the committed state as it was and restarts the activation from it.
 */
final class TurnRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TurnRunner.class);

    private final LocalRuntime runtime;
    private final StateLifecycle lifecycle;

    TurnRunner(LocalRuntime runtime, StateLifecycle lifecycle) {
        this.runtime = runtime;
        this.lifecycle = lifecycle;
    }

    void runBatch(Activation agent, TypeBinding current) {
        if (agent.ended()) {
            drainEnded(agent);
            return;
        }
        MDC.put("agent.id", agent.id);
        MDC.put("agent.type", current.name);
        MDC.put("agent.version", current.versionString());
        int batchSize = runtime.settings.batchSize();
        try {
            for (int n = 0; n < batchSize; n++) {
                Envelope envelope = agent.poll();
                if (envelope == null) {
                    break;
                }
                if (!envelope.start()) {
                    continue; // withdrawn by its caller's timeout: never handled
                }
                if (envelope.timer != null) {
                    envelope.timer.tickTaken();
                }
                if (envelope.signal != null) {
                    handleSignal(agent, current, envelope);
                    if (agent.ended()) {
                        drainEnded(agent);
                        return;
                    }
                    continue;
                }
                if (!lifecycle.ensureLive(agent, current, envelope)) {
                    continue;
                }
                turn(agent, agent.binding, envelope);
                if (envelope.enqueuedNanos != 0) {
                    agent.slot.latency.recordSince(envelope.enqueuedNanos);
                }
            }
            agent.lastActiveMillis = runtime.clock.millis();
        } finally {
            MDC.remove("agent.id");
            MDC.remove("agent.type");
            MDC.remove("agent.version");
        }
    }

    private void turn(Activation agent, TypeBinding binding, Envelope envelope) {
        TurnContext context = new TurnContext(runtime, agent, binding);
        try {
            Object message = decode(agent.id, binding, envelope.message);
            Object reply = binding.type.handle(context, message);
            CompletionStage<Void> persisted = null;
            long commitStarted = 0;
            if (context.changedState()) {
                // One read of the store: the one that decides whether to time the write is the one written to.
                // Only replicated writes are timed, so a single node's turns pay no clock read.
                StateStore store = runtime.stateStore;
                commitStarted = store.persistsEveryCommit() ? System.nanoTime() : 0;
                persisted = lifecycle.commit(agent, binding, context.pendingState(), store);
            }
            agent.handled++;
            agent.slot.handled.increment();
            if (persisted == null && !(reply instanceof CompletionStage<?>)) {
                if (runtime.lease.valid()) {
                    envelope.reply(binding, reply);
                } else {
                    envelope.fail(leaseLapsed(agent, false));
                }
            } else {
                replyLater(agent, binding, envelope, reply, persisted, commitStarted);
            }
        } catch (BadMessageException bad) {
            agent.slot.failed.increment();
            report(agent, envelope, bad);
            envelope.fail(bad);
        } catch (VirtualMachineError fatal) {
            if (!(fatal instanceof StackOverflowError)) {
                throw fatal;
            }
            failTurn(agent, binding, envelope, fatal);
        } catch (Throwable error) {
            failTurn(agent, binding, envelope, error);
        }
        if (context.stopRequested() && agent.lifecycle != Activation.STOPPED) {
            lifecycle.stop(agent, binding);
        }
    }

    /**
     * Replies once the committed state is stored (replicated stores) and an asynchronous reply is ready. The
     * store's outcome is counted here, where the turn waits for it anyway, so counting adds no callback.
     */
    private void replyLater(Activation agent, TypeBinding binding, Envelope envelope, Object reply,
                            CompletionStage<Void> persisted, long commitStarted) {
        CompletionStage<?> value = reply instanceof CompletionStage<?> stage
                ? stage : java.util.concurrent.CompletableFuture.completedFuture(reply);
        CompletionStage<?> ready = value;
        if (persisted != null) {
            ReplicationTelemetry replication = runtime.replication;
            ready = persisted.handle((ignored, storeError) -> {
                replication.completed(agent, commitStarted, storeError);
                if (storeError != null) {
                    throw new java.util.concurrent.CompletionException(unreplicated(agent, storeError));
                }
                return null;
            }).thenCompose(ignored -> value);
        }
        OwnershipLease lease = runtime.lease;
        ready.whenComplete((result, error) -> {
            if (error != null) {
                envelope.fail(asAgentFailure(agent.id, unwrap(error)));
            } else if (lease.valid()) {
                envelope.reply(binding, result);
            } else {
                envelope.fail(leaseLapsed(agent, persisted != null));
            }
        });
    }

    /**
     * The turn ended after this node's ownership lease lapsed: another node may own the agent by now, so the
     * outcome is not answered as a success. A state change is uncertain (it may have reached the store before the
     * node was fenced); a turn that changed nothing is simply retried elsewhere.
     */
    private AgentException leaseLapsed(Activation agent, boolean changedState) {
        String why = "node " + runtime.nodeId() + " could not confirm that it still owns agent '" + agent.id
                + "' when the turn ended (its ownership lease lapsed: the node was paused or cut off from its cluster)";
        if (changedState) {
            return new AgentCommitUncertainException(agent.id, why + "; the update may or may not persist");
        }
        return new AgentUnavailableException(agent.id, why + "; retry to reach the agent's current node");
    }

    /**
     * The committed state could not be stored. The caller cannot know whether the update persists (a
     * later successful save would carry it), so it is told "may have been handled"; and the activation
     * reloads its state from the store before its next turn, so memory never runs ahead of the store.
     */
    private static AgentException unreplicated(Activation agent, Throwable storeError) {
        agent.enqueueSystem(Envelope.signal(SystemSignal.RESYNC, null));
        LOG.warn("state of agent '{}' could not be stored: {}; it reloads from the store", agent.id,
                describe(unwrap(storeError)));
        return new AgentCommitUncertainException(agent.id, "the new state of agent '" + agent.id
                + "' could not be confirmed as stored (" + describe(unwrap(storeError))
                + "); the update may or may not persist");
    }

    private void failTurn(Activation agent, TypeBinding binding, Envelope envelope, Throwable error) {
        agent.slot.failed.increment();
        AgentFailedException failure = new AgentFailedException(agent.id,
                "agent '" + agent.id + "' failed handling the message: " + describe(error), error);
        report(agent, envelope, failure);
        lifecycle.restart(agent, binding, error);
        envelope.fail(failure);
    }

    private static void report(Activation agent, Envelope envelope, AgentException failure) {
        if (envelope.reply == null) {
            // Nobody waits for a cast: the log is where its failure becomes visible.
            LOG.warn("cast to agent '{}' failed: {}", agent.id, failure.getMessage(), failure.getCause());
        } else {
            LOG.debug("call to agent '{}' failed: {}", agent.id, failure.getMessage());
        }
    }

    private static Object decode(String agentId, TypeBinding binding, Object message) {
        if (message instanceof JsonMessage json) {
            return binding.codec.fromTree(agentId, json.tree(), binding.messageType);
        }
        if (message == null || binding.messageType.isInstance(message)) {
            return message;
        }
        return binding.codec.convert(agentId, message, binding.messageType);
    }

    private void handleSignal(Activation agent, TypeBinding current, Envelope envelope) {
        switch (envelope.signal) {
            case ACTIVATE -> {
                if (agent.binding == current && agent.state != null) {
                    lifecycle.activated(agent, current, "spawned");
                } else {
                    lifecycle.ensureLive(agent, current, envelope);
                }
            }
            case WAKE -> lifecycle.ensureLive(agent, current, envelope);
            case PASSIVATE -> lifecycle.passivateIfIdle(agent);
            case STOP -> lifecycle.stopFromAnyForm(agent, current);
            case RELEASE -> lifecycle.release(agent);
            case RESYNC -> lifecycle.forgetLiveState(agent);
            default -> throw new IllegalStateException("unknown signal " + envelope.signal);
        }
        envelope.complete(null);
    }

    /**
     * The agent no longer runs here: whatever is still queued is answered, never left hanging. After a
     * hand-off it is forwarded to the agent's new node; after a stop it fails as not found; after this
     * node lost the cluster it fails as unavailable (retryable).
     */
    private void drainEnded(Activation agent) {
        Envelope envelope;
        while ((envelope = agent.poll()) != null) {
            if (!envelope.start()) {
                continue;
            }
            switch (agent.lifecycle) {
                case Activation.RELEASED -> runtime.forward(agent, envelope);
                case Activation.DROPPED -> envelope.fail(new AgentUnavailableException(agent.id, "agent '" + agent.id
                        + "' was dropped: this node left the cluster; retry to reach its new node"));
                default -> {
                    if (envelope.signal == SystemSignal.STOP) {
                        envelope.complete(null); // stopped twice: the second stop finds it gone, as asked
                    } else {
                        envelope.fail(new AgentNotFoundException(agent.id, "agent '" + agent.id + "' was stopped"));
                    }
                }
            }
        }
    }

    static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    static AgentException asAgentFailure(String agentId, Throwable error) {
        if (error instanceof AgentException agentException) {
            return agentException;
        }
        return new AgentFailedException(agentId, "agent '" + agentId + "' failed its reply: " + describe(error), error);
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
