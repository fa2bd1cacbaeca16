package io.phoenix.agent.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An agent type: the behaviour shared by every agent of one kind.
 *
 * <p>Agent bundles register implementations as OSGi services (whiteboard pattern), typically with
 * {@code @Component(service = AgentType.class)}. The runtime tracks them dynamically: a type becomes
 * available when its service appears and is suspended when it disappears. The type's version is the
 * version of the bundle that registers it; a higher version registered under the same
 * {@link #name()} is a live upgrade.
 *
 * <p>One instance serves all agents of the type, concurrently for different agents but never
 * concurrently for the same agent. It must therefore keep no per-agent fields: per-agent data lives
 * in the agent's state, which the runtime owns. State objects should be immutable values (records
 * are ideal): a turn replaces the state with {@link AgentContext#setState(Object)}, and the new state
 * is committed only when the turn completes normally, so a failing turn leaves the last committed
 * state untouched.
 *
 * <p>State leaves the activation (upgrade, passivation, inspection, and in a cluster replication and
 * migration) encoded by the runtime with Jackson in the format given by
 * {@link AgentOptions#stateFormat()}. The state class must therefore be a Jackson-readable type of the
 * agent's bundle (a record, or a bean with a default constructor).
 *
 * @param <S> the state type
 * @param <M> the message type that JSON messages from outside (shell, REST, other nodes) are decoded into
 */
@ConsumerType
public interface AgentType<S, M> {

    /**
     * The type name agents are spawned with, e.g. {@code "counter"}. It must be stable across versions
     * of the bundle and consist of letters, digits, {@code '-'}, {@code '_'} or {@code '.'}.
     *
     * @return the type name, never {@code null}
     */
    String name();

    /**
     * The class of this type's state, used to decode encoded state with this bundle's class loader.
     *
     * @return the state class
     */
    Class<S> stateType();

    /**
     * The class messages of this type are decoded into when they arrive as JSON, or when a message
     * object of another class (for example one defined by the sending agent's bundle, or by an earlier
     * version of this bundle) must be converted. Messages that already are instances of this class are
     * delivered as they are, without copying.
     *
     * @return the message class; {@code Object.class} accepts anything unconverted
     */
    Class<M> messageType();

    /**
     * The state a new agent starts with when it is spawned without one, or activated by its first
     * message (see {@link AgentOptions#activateOnMessage()}).
     *
     * @param agentId the id of the new agent
     * @return the initial state, never {@code null}
     */
    S initialState(String agentId);

    /**
     * Handles one message. The runtime never calls this concurrently for the same agent.
     *
     * <p>The returned value is the reply to a {@code call}; it is ignored for a {@code cast}. A
     * returned {@link java.util.concurrent.CompletionStage} is unwrapped: the caller gets its result
     * when it completes, while the agent already goes on with its next message. Returning {@code null}
     * replies with no value.
     *
     * <p>Throwing fails the turn: the caller of a {@code call} receives an {@link AgentFailedException}
     * (or the thrown {@link BadMessageException} as it is), state changes made during the turn are
     * discarded, and the agent is restarted from its last committed state.
     *
     * @param context the agent's context for this turn; valid only during the turn
     * @param message the message, an instance of {@link #messageType()}
     * @return the reply, or {@code null}
     * @throws Exception to fail the turn
     */
    Object handle(AgentContext<S> context, M message) throws Exception;

    /**
     * The schema version of this type's state. Increase it when the state class changes in a way
     * that old encoded state no longer decodes into; {@link #upgradeState(PriorState)} then converts.
     *
     * @return the state schema version, 1 by default
     */
    default int stateVersion() {
        return 1;
    }

    /**
     * Converts state written by an earlier schema version (see {@link #stateVersion()}) during a live
     * upgrade or when an agent is re-activated. Called only when the encoded state's schema version
     * differs from {@link #stateVersion()}. The default decodes the prior state into the current state
     * class unchanged, which works for additive changes.
     *
     * @param prior the encoded prior state with its schema version
     * @return the state in the current schema
     * @throws Exception if the state cannot be converted; the agent then stays suspended and its
     *     callers receive an {@link AgentFailedException}
     */
    default S upgradeState(PriorState prior) throws Exception {
        return prior.as(stateType());
    }

    /**
     * Called in the agent's turn order whenever an activation starts: at spawn, on re-activation after
     * passivation, after a restart following a failed turn, and after a live upgrade. Timers are
     * typically (re)scheduled here, since they belong to the activation. State set here is committed.
     *
     * @param context the agent's context
     * @throws Exception to report a failure; the activation still proceeds with its committed state
     */
    default void onActivate(AgentContext<S> context) throws Exception {
    }

    /**
     * Called before an idle agent is passivated or an agent is stopped. State set here is committed.
     *
     * @param context the agent's context
     * @throws Exception to report a failure; passivation or stop still proceeds
     */
    default void onPassivate(AgentContext<S> context) throws Exception {
    }

    /**
     * The runtime options of this type: mailbox size, passivation, activation on first message.
     *
     * @return the options; {@link AgentOptions#defaults()} unless overridden
     */
    default AgentOptions options() {
        return AgentOptions.defaults();
    }
}
