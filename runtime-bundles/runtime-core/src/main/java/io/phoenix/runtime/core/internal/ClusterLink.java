package io.phoenix.runtime.core.internal;

import io.phoenix.agent.api.AgentException;
import io.phoenix.agent.api.AgentInfo;
import io.phoenix.agent.api.AgentPage;
import io.phoenix.agent.api.AgentQuery;
import io.phoenix.agent.api.AgentTimeoutException;
import io.phoenix.agent.api.AgentUnavailableException;
import io.phoenix.runtime.spi.AgentDirectory;
import io.phoenix.runtime.spi.AgentDirectory.Claim;
import io.phoenix.runtime.spi.AgentPlacement;
import io.phoenix.runtime.spi.AgentTransport;
import io.phoenix.runtime.spi.RemoteReply;
import io.phoenix.runtime.spi.RemoteRequest;
import io.phoenix.runtime.spi.RemoteRequest.Operation;
import io.phoenix.runtime.spi.StateStore;
import io.phoenix.runtime.spi.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's side of a cluster: reaching agents on other nodes, claiming agents this node should
 * host (taking them over from a node that still holds them), handing agents off when the topology
 * changes, and serving other nodes' requests. Exists only while cluster services are attached.
 */
final class ClusterLink {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterLink.class);
    private static final int TAKE_OVER_ATTEMPTS = 20;

    final LocalRuntime runtime;
    final AgentPlacement placement;
    final AgentDirectory directory;
    final StateStore store;
    final AgentTransport transport;
    private final String self;

    ClusterLink(LocalRuntime runtime, AgentPlacement placement, AgentDirectory directory, StateStore store,
                AgentTransport transport) {
        this.runtime = runtime;
        this.placement = placement;
        this.directory = directory;
        this.store = store;
        this.transport = transport;
        this.self = runtime.nodeId();
    }

    // ------------------------------------------------------------------ reaching other nodes

    CompletionStage<Void> spawnRemote(String node, String type, String agentId, String stateJson, int hops) {
        return remote(node, Operation.SPAWN, type, agentId, stateJson, runtime.settings.callTimeout().toMillis(), hops)
                .thenApply(ignored -> null);
    }

    void castRemote(String node, String type, String agentId, Object message, int hops) {
        remote(node, Operation.CAST, type, agentId, toJson(message), runtime.settings.callTimeout().toMillis(), hops)
                .whenComplete((ignored, error) -> {
                    if (error != null) {
                        LOG.warn("cast to agent '{}' on node {} failed: {}", agentId, node,
                                TurnRunner.describe(TurnRunner.unwrap(error)));
                    }
                });
    }

    CompletionStage<Object> callRemote(String node, String type, String agentId, Object message, long timeoutMillis,
                                       boolean jsonReply, int hops) {
        return remote(node, Operation.CALL, type, agentId, toJson(message), timeoutMillis, hops)
                .thenApply(payload -> jsonReply ? payload : JsonSupport.naturalValue(agentId, payload));
    }

    /** Sends one request and turns the outcome into the reply payload or the typed failure it stands for. */
    CompletionStage<String> remote(String node, Operation operation, String type, String agentId, String payload,
                                   long timeoutMillis, int hops) {
        RemoteRequest request = new RemoteRequest(operation, agentId, type, payload, timeoutMillis, hops);
        CompletableFuture<String> result = new CompletableFuture<>();
        if (!runtime.observers.isEmpty()) {
            long started = System.nanoTime();
            result.whenComplete((ignored, error) -> observe(node, operation, System.nanoTime() - started, error));
        }
        CompletionStage<RemoteReply> sent;
        try {
            sent = transport.send(node, request);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((reply, error) -> {
            if (error == null) {
                if (reply.succeeded()) {
                    result.complete(reply.payload());
                } else {
                    result.completeExceptionally(Failures.fromReply(agentId, reply));
                }
                return;
            }
            Throwable cause = TurnRunner.unwrap(error);
            if (cause instanceof TransportException transportFailure) {
                result.completeExceptionally(transportFailure.maybeDelivered()
                        ? new AgentTimeoutException(agentId, "no reply from node " + node + " for agent '" + agentId
                                + "': " + transportFailure.getMessage(), true)
                        : new AgentUnavailableException(agentId, "node " + node + " of agent '" + agentId
                                + "' cannot be reached: " + transportFailure.getMessage()));
            } else {
                result.completeExceptionally(Failures.asAgentException(agentId, cause));
            }
        });
        return result;
    }

    private void observe(String node, Operation operation, long nanos, Throwable error) {
        String code = error == null ? null : Failures.asAgentException(null, error).code();
        for (io.phoenix.runtime.management.TransportObserver observer : runtime.observers) {
            try {
                observer.requestCompleted(self, node, operation.name(), nanos, code);
            } catch (RuntimeException e) {
                LOG.debug("transport observer failed: {}", e.toString());
            }
        }
    }

    private String toJson(Object message) {
        if (message instanceof JsonMessage json) {
            return json.tree().toString();
        }
        return runtime.codecFor(null).toJson(message);
    }

    // ------------------------------------------------------------------ agents this node should host

    /** Claims an agent placed on this node; messages queue on the returned activation until it is ours. */
    Activation claimLocal(String type, String agentId) {
        Claim claim = directory.claim(agentId, self);
        switch (claim.outcome()) {
            case NOT_FOUND:
                return runtime.spawnForMessage(type, agentId);
            case GRANTED: {
                Activation agent = new Activation(agentId, runtime.slotFor(claim.agentType()), runtime, null, null);
                agent.lifecycle = Activation.PASSIVATED; // its state is in the store; the first turn loads it
                return addOrExisting(agent);
            }
            default: {
                Activation agent = new Activation(agentId, runtime.slotFor(claim.agentType()), runtime, null, null);
                agent.lifecycle = Activation.CLAIMING;
                Activation winner = addOrExisting(agent);
                if (winner == agent) {
                    takeOver(agent, claim.holder(), 1);
                }
                return winner;
            }
        }
    }

    private Activation addOrExisting(Activation agent) {
        while (true) {
            if (runtime.table().add(agent)) {
                agent.slot.agents.incrementAndGet();
                return agent;
            }
            Activation existing = runtime.table().get(agent.id);
            if (existing != null) {
                return existing;
            }
        }
    }

    /** Asks the holder to release the agent, then claims it; retried while the holder finishes its turn. */
    private void takeOver(Activation agent, String holder, int attempt) {
        RemoteRequest release = new RemoteRequest(Operation.RELEASE, agent.id, agent.slot.name, null,
                runtime.settings.callTimeout().toMillis(), 0);
        CompletionStage<RemoteReply> sent;
        try {
            sent = transport.send(holder, release);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((reply, error) -> {
            Claim claim;
            try {
                claim = directory.claim(agent.id, self);
            } catch (RuntimeException e) {
                claim = new Claim(Claim.Outcome.HELD_ELSEWHERE, agent.slot.name, holder);
            }
            if (claim.outcome() == Claim.Outcome.GRANTED) {
                agent.lifecycle = Activation.PASSIVATED;
                runtime.events.publish(io.phoenix.runtime.management.RuntimeEvent.Kind.AGENT_MIGRATED, agent.slot.name,
                        agent.id, Map.of("from", holder, "to", self));
                agent.schedule();
            } else if (claim.outcome() == Claim.Outcome.NOT_FOUND) {
                giveUp(agent, "it was stopped meanwhile");
            } else if (attempt < TAKE_OVER_ATTEMPTS) {
                String next = claim.holder() == null ? holder : claim.holder();
                runtime.scheduler.schedule(() -> takeOver(agent, next, attempt + 1), 20L * attempt, TimeUnit.MILLISECONDS);
            } else {
                giveUp(agent, "node " + claim.holder() + " did not release it");
            }
        });
    }

    private void giveUp(Activation agent, String why) {
        LOG.warn("could not take agent '{}' over: {}", agent.id, why);
        if (runtime.table().remove(agent)) {
            agent.slot.agents.decrementAndGet();
        }
        agent.lifecycle = Activation.DROPPED;
        agent.schedule();
    }

    /** Re-sends what reached a handed-off agent to wherever it lives now. */
    void forward(Activation agent, Envelope envelope) {
        String type = agent.slot.name;
        if (envelope.signal == SystemSignal.STOP) {
            runtime.stopRouted(agent.id, 1).whenComplete((ignored, error) -> settle(envelope, null, error));
        } else if (envelope.signal != null || envelope.timer != null) {
            envelope.complete(null); // activation-scoped: meaningless on the next node
        } else if (envelope.reply == null) {
            try {
                runtime.castRouted(type, agent.id, envelope.message, 1);
            } catch (AgentException e) {
                LOG.warn("cast to agent '{}' could not follow it to its new node: {}", agent.id, e.getMessage());
            }
        } else {
            runtime.callRouted(type, agent.id, envelope.message, runtime.settings.callTimeout(), envelope.jsonReply, 1)
                    .whenComplete((value, error) -> settle(envelope, value, error));
        }
    }

    private static void settle(Envelope envelope, Object value, Throwable error) {
        if (error == null) {
            envelope.complete(value);
        } else {
            envelope.fail(TurnRunner.unwrap(error));
        }
    }

    /** Releases every agent here that the current topology places elsewhere. */
    CompletionStage<Integer> rehome() {
        List<CompletableFuture<Void>> releases = new ArrayList<>();
        for (Activation agent : runtime.agents()) {
            if (agent.ended() || agent.lifecycle == Activation.CLAIMING) {
                continue;
            }
            if (!self.equals(placement.nodeFor(agent.id, agent.slot.name))) {
                releases.add(runtime.releaseLocal(agent.id).toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(releases.toArray(new CompletableFuture[0])).thenApply(ignored -> releases.size());
    }

    // ------------------------------------------------------------------ serving other nodes

    CompletionStage<RemoteReply> handle(String fromNode, RemoteRequest request) {
        String agentId = request.agentId();
        int hops = request.hops() + 1;
        CompletionStage<String> outcome;
        try {
            outcome = switch (request.operation()) {
                case CALL -> runtime.callRouted(request.agentType(), agentId,
                        new JsonMessage(JsonSupport.parse(agentId, request.payload())),
                        Duration.ofMillis(request.timeoutMillis()), true, hops).thenApply(String.class::cast);
                case CAST -> {
                    runtime.castRouted(request.agentType(), agentId,
                            new JsonMessage(JsonSupport.parse(agentId, request.payload())), hops);
                    yield CompletableFuture.completedFuture(null);
                }
                case SPAWN -> runtime.spawnRouted(request.agentType(), agentId, null,
                        request.payload() == null ? null : JsonSupport.parse(agentId, request.payload()), hops)
                        .thenApply(ignored -> null);
                case STATE -> runtime.stateJsonRouted(agentId, hops);
                case INFO -> runtime.infoRouted(agentId, hops).thenApply(JsonSupport::toJsonShared);
                case STOP -> runtime.stopRouted(agentId, hops).thenApply(ignored -> null);
                case RELEASE -> runtime.releaseLocal(agentId).thenApply(ignored -> null);
                case LIST -> CompletableFuture.completedFuture(JsonSupport.toJsonShared(runtime.listLocal(
                        JsonSupport.readShared(agentId, request.payload(), AgentQuery.class))));
                case STATUS -> CompletableFuture.completedFuture(JsonSupport.toJsonShared(runtime.status()));
                case REHOME -> rehome().thenApply(String::valueOf);
                case ACTIVATE -> runtime.activateRouted(request.agentType(), agentId, hops);
                case PING -> CompletableFuture.completedFuture(null);
            };
        } catch (AgentException e) {
            return CompletableFuture.completedFuture(RemoteReply.failure(e));
        }
        return outcome.handle((payload, error) -> error == null ? RemoteReply.ok(payload)
                : RemoteReply.failure(Failures.asAgentException(agentId, error)));
    }

    /** One page of agents across the cluster: each node lists its own, the pages are merged in id order. */
    AgentPage list(AgentQuery query) {
        List<CompletableFuture<AgentPage>> pages = new ArrayList<>();
        String queryJson = JsonSupport.toJsonShared(query);
        for (String node : placement.nodes()) {
            if (node.equals(self)) {
                pages.add(CompletableFuture.completedFuture(runtime.listLocal(query)));
            } else {
                pages.add(remote(node, Operation.LIST, null, null, queryJson, runtime.settings.callTimeout().toMillis(), 0)
                        .thenApply(json -> JsonSupport.readShared(null, json, AgentPage.class)).toCompletableFuture());
            }
        }
        List<AgentInfo> merged = new ArrayList<>();
        boolean more = false;
        for (CompletableFuture<AgentPage> page : pages) {
            AgentPage result;
            try {
                result = page.get(runtime.settings.callTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new AgentUnavailableException(null, "a node did not answer the listing: "
                        + TurnRunner.describe(TurnRunner.unwrap(e)));
            }
            merged.addAll(result.agents());
            more |= result.nextCursor() != null;
        }
        merged.sort(Comparator.comparing(AgentInfo::id));
        if (merged.size() > query.limit()) {
            merged = merged.subList(0, query.limit());
            more = true;
        }
        String next = more && !merged.isEmpty() ? merged.get(merged.size() - 1).id() : null;
        return new AgentPage(merged, next);
    }
}
