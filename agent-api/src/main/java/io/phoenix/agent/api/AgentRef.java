package io.phoenix.agent.api;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A handle to an agent, wherever it runs. Cheap to create and safe to share between threads and to
 * keep; it does not keep the agent alive. Implemented by the runtime.
 */
@ProviderType
public interface AgentRef {

    /**
     * @return the agent's id
     */
    String id();

    /**
     * Sends a message without waiting for it to be handled (at most once).
     *
     * @param message the message
     * @throws AgentNotFoundException if no such agent exists
     * @throws MailboxFullException if the agent's mailbox is full
     * @throws TypeNotAvailableException if the agent's type is suspended and cannot queue more
     */
    void cast(Object message);

    /**
     * Sends a request and returns the reply.
     *
     * @param message the request
     * @param timeout how long to wait for the reply
     * @return the reply (possibly {@code null}), or a stage failed with an {@link AgentException}
     */
    CompletionStage<Object> call(Object message, Duration timeout);

    /**
     * Sends a request and returns the reply converted to {@code replyType}. A reply of another class
     * (for example one defined by the target agent's bundle) is converted through JSON.
     *
     * @param <R> the reply type
     * @param message the request
     * @param replyType the class of the reply
     * @param timeout how long to wait for the reply
     * @return the reply, or a stage failed with an {@link AgentException}
     */
    <R> CompletionStage<R> call(Object message, Class<R> replyType, Duration timeout);
}
