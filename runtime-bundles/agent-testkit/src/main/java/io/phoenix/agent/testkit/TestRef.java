package io.phoenix.agent.testkit;

import io.phoenix.agent.api.AgentRef;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** An {@link AgentRef} handed out by a {@link TestAgentContext}, so sends through refs are recorded too. */
record TestRef(TestAgentContext<?> context, String id) implements AgentRef {

    @Override
    public void cast(Object message) {
        context.cast(id, message);
    }

    @Override
    public CompletionStage<Object> call(Object message, Duration timeout) {
        return context.call(id, message, timeout);
    }

    @Override
    public <R> CompletionStage<R> call(Object message, Class<R> replyType, Duration timeout) {
        return call(message, timeout).thenApply(reply -> Conversions.convert(reply, replyType));
    }
}
