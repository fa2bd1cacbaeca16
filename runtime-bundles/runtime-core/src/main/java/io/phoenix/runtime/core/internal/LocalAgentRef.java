package io.phoenix.runtime.core.internal;

import io.phoenix.agent.api.AgentException;
import io.phoenix.agent.api.AgentRef;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** An {@link AgentRef} by id (and, when known, type, which lets a send activate the agent). */
final class LocalAgentRef implements AgentRef {

    private final LocalRuntime runtime;
    private final String type;
    private final String id;

    LocalAgentRef(LocalRuntime runtime, String type, String id) {
        this.runtime = runtime;
        this.type = type;
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void cast(Object message) {
        runtime.resolve(type, id).enqueue(Envelope.cast(message));
    }

    @Override
    public CompletionStage<Object> call(Object message, Duration timeout) {
        try {
            return runtime.send(runtime.resolve(type, id), Envelope.call(message), timeout);
        } catch (AgentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public <R> CompletionStage<R> call(Object message, Class<R> replyType, Duration timeout) {
        try {
            Activation agent = runtime.resolve(type, id);
            return runtime.send(agent, Envelope.call(message), timeout).thenApply(reply -> {
                TypeBinding binding = agent.slot.lastSeen;
                return binding == null ? replyType.cast(reply) : binding.codec.convert(id, reply, replyType);
            });
        } catch (AgentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LocalAgentRef ref && ref.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AgentRef(" + id + ")";
    }
}
