package io.phoenix.runtime.core.internal;

import io.phoenix.agent.api.AgentRef;
import java.time.Duration;
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
        runtime.castRouted(type, id, message, 0);
    }

    @Override
    public CompletionStage<Object> call(Object message, Duration timeout) {
        return runtime.callRouted(type, id, message, timeout, false, 0);
    }

    @Override
    public <R> CompletionStage<R> call(Object message, Class<R> replyType, Duration timeout) {
        JsonSupport codec = runtime.codecFor(type);
        return runtime.callRouted(type, id, message, timeout, false, 0)
                .thenApply(reply -> codec.convert(id, reply, replyType));
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
