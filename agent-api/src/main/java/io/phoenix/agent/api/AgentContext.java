package io.phoenix.agent.api;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;
import org.slf4j.Logger;

/**
 * What an agent sees while it handles a message: its identity and state, other agents, timers and
 * a logger. Implemented by the runtime; valid only during the turn (or the lifecycle callback) it
 * was passed to.
 *
 * @param <S> the agent's state type
 */
@ProviderType
public interface AgentContext<S> {

    /**
     * @return this agent's id
     */
    String id();

    /**
     * @return this agent's type name
     */
    String type();

    /**
     * @return the version of the agent type (its bundle's version) running this turn
     */
    String typeVersion();

    /**
     * @return the state as of the start of this turn, or as last set in this turn
     */
    S state();

    /**
     * Replaces the state. The new state is committed when the turn completes normally; if the turn
     * throws, it is discarded and the last committed state stays.
     *
     * @param newState the new state, never {@code null}
     */
    void setState(S newState);

    /**
     * @return a reference to this agent, e.g. to hand to other agents for replies
     */
    AgentRef self();

    /**
     * A reference to another agent by id.
     *
     * @param agentId the agent's id
     * @return a reference; whether the agent exists is checked when sending
     */
    AgentRef ref(String agentId);

    /**
     * Sends a message to another agent without waiting for it to be handled.
     *
     * @param agentId the target agent's id
     * @param message the message; passed by reference to a local agent, so it should be immutable
     * @throws AgentNotFoundException if no such agent exists
     * @throws MailboxFullException if the target's mailbox is full
     * @throws TypeNotAvailableException if the target's type is suspended and cannot queue more
     */
    void cast(String agentId, Object message);

    /**
     * Sends a request to another agent. Never block the turn waiting for the result: compose the
     * stage, or return it from {@link AgentType#handle} to reply with its result.
     *
     * @param agentId the target agent's id
     * @param message the request
     * @param timeout how long to wait for the reply
     * @return the reply, or a stage failed with an {@link AgentException}
     */
    CompletionStage<Object> call(String agentId, Object message, Duration timeout);

    /**
     * Creates another agent.
     *
     * @param type the agent type name
     * @param agentId the new agent's id
     * @param initialState its initial state, or {@code null} for the type's initial state
     * @return a reference once it exists, or a failed stage ({@link AgentAlreadyExistsException},
     *     {@link TypeNotAvailableException}, {@link BadMessageException})
     */
    CompletionStage<AgentRef> spawn(String type, String agentId, Object initialState);

    /**
     * Delivers {@code message} to this agent once after {@code delay}, through its mailbox like any
     * other message. Timers belong to the activation: passivation or stop cancels them.
     *
     * @param delay the delay
     * @param message the message to deliver to itself
     * @return a handle to cancel the timer
     */
    TimerHandle schedule(Duration delay, Object message);

    /**
     * Delivers {@code message} to this agent repeatedly. A tick is skipped rather than queued while
     * the previous tick of the same timer is still waiting in the mailbox, so a slow agent is never
     * flooded by its own timer.
     *
     * @param initialDelay the delay before the first tick
     * @param period the time between ticks
     * @param message the message to deliver to itself
     * @return a handle to cancel the timer
     */
    TimerHandle scheduleAtFixedRate(Duration initialDelay, Duration period, Object message);

    /**
     * Stops this agent after the current turn. Messages still in its mailbox are answered with
     * {@link AgentNotFoundException}.
     */
    void stopSelf();

    /**
     * A logger for this agent type. While the turn runs, the logging context (MDC) carries
     * {@code agent.id}, {@code agent.type} and {@code agent.version}, so every line logged during the
     * turn, through this logger or any other, names the agent.
     *
     * @return the logger
     */
    Logger log();
}
