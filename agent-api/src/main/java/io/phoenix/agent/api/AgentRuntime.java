package io.phoenix.agent.api;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The Phoenix runtime as seen by applications and by agents' bundles: create agents, send them
 * messages, read their state, stop them. Registered as an OSGi service by the runtime.
 * Implemented by the runtime.
 *
 * <p>Asynchronous operations never throw: their failures are {@link AgentException}s inside the
 * returned stage. Stages complete on runtime threads; pass an executor to {@code *Async} callbacks
 * that do real work. {@code cast} reports what it can tell at once by throwing.
 *
 * <p>The {@code *Json} variants are for callers outside the agent's bundle (shell, REST, Camel, other
 * nodes): messages are decoded into the type's {@link AgentType#messageType()} and replies encoded
 * with Jackson.
 */
@ProviderType
public interface AgentRuntime {

    /** The default timeout of {@code call} where a caller does not choose one: 5 seconds. */
    Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Creates an agent.
     *
     * @param type the agent type name
     * @param agentId the id, unique in the cluster: 1 to 256 characters, no control characters
     * @param initialState an instance of the type's state class, or {@code null} for
     *     {@link AgentType#initialState(String)}
     * @return a reference once the agent exists, or a stage failed with
     *     {@link AgentAlreadyExistsException}, {@link TypeNotAvailableException} or
     *     {@link BadMessageException} (invalid id or state)
     */
    CompletionStage<AgentRef> spawn(String type, String agentId, Object initialState);

    /**
     * Creates an agent whose initial state is given as JSON.
     *
     * @param type the agent type name
     * @param agentId the id
     * @param stateJson the initial state as JSON, or {@code null} for the type's initial state
     * @return as {@link #spawn(String, String, Object)}; malformed JSON fails with
     *     {@link BadMessageException}
     */
    CompletionStage<AgentRef> spawnJson(String type, String agentId, String stateJson);

    /**
     * A reference to an existing agent.
     *
     * @param agentId the agent's id
     * @return a reference; whether the agent exists is checked when sending
     */
    AgentRef ref(String agentId);

    /**
     * A reference to an agent of a known type. If the type's options allow
     * {@linkplain AgentOptions#activateOnMessage() activation on message}, sending through this
     * reference creates the agent when it does not exist yet.
     *
     * @param type the agent type name
     * @param agentId the agent's id
     * @return a reference
     */
    AgentRef ref(String type, String agentId);

    /**
     * Sends a message without waiting (at most once).
     *
     * @param agentId the agent's id
     * @param message the message
     * @throws AgentNotFoundException if no such agent exists
     * @throws MailboxFullException if the agent's mailbox is full
     * @throws TypeNotAvailableException if the agent's type is suspended and cannot queue more
     */
    void cast(String agentId, Object message);

    /**
     * Sends a request and returns the reply.
     *
     * @param agentId the agent's id
     * @param message the request
     * @param timeout how long to wait
     * @return the reply, or a stage failed with an {@link AgentException}
     */
    CompletionStage<Object> call(String agentId, Object message, Duration timeout);

    /**
     * Sends a JSON message without waiting.
     *
     * @param agentId the agent's id
     * @param messageJson the message as JSON
     * @throws BadMessageException if the JSON is malformed; decoding into the type's message class
     *     happens in the agent's turn, where a failure is logged and counted as a failed message
     * @throws AgentNotFoundException if no such agent exists
     * @throws MailboxFullException if the agent's mailbox is full
     */
    void castJson(String agentId, String messageJson);

    /**
     * Sends a JSON request and returns the JSON reply.
     *
     * @param agentId the agent's id
     * @param messageJson the request as JSON
     * @param timeout how long to wait
     * @return the reply as JSON ({@code "null"} for no value), or a stage failed with an
     *     {@link AgentException}; malformed JSON or JSON that does not fit the type's message class
     *     fails with {@link BadMessageException}
     */
    CompletionStage<String> callJson(String agentId, String messageJson, Duration timeout);

    /**
     * Reads an agent's committed state, decoded into {@code stateType}.
     *
     * @param <S> the state type
     * @param agentId the agent's id
     * @param stateType the class to decode into (converted through JSON if it is not the agent's own)
     * @return the state, or a stage failed with {@link AgentNotFoundException}
     */
    <S> CompletionStage<S> state(String agentId, Class<S> stateType);

    /**
     * Reads an agent's committed state as JSON.
     *
     * @param agentId the agent's id
     * @return the state as JSON, or a stage failed with {@link AgentNotFoundException}
     */
    CompletionStage<String> stateJson(String agentId);

    /**
     * Describes an agent.
     *
     * @param agentId the agent's id
     * @return its status, or a stage failed with {@link AgentNotFoundException}
     */
    CompletionStage<AgentInfo> info(String agentId);

    /**
     * Stops an agent after the messages already in its mailbox, and forgets its state.
     *
     * @param agentId the agent's id
     * @return a stage completed when the agent is gone, or failed with {@link AgentNotFoundException}
     */
    CompletionStage<Void> stop(String agentId);

    /**
     * Lists agents, one page at a time, in ascending id order.
     *
     * @param query the type filter, cursor and page size
     * @return the page
     */
    AgentPage list(AgentQuery query);
}
