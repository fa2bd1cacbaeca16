package io.phoenix.agent.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Runtime options of an agent type. Immutable; derive variants with the {@code with*} methods:
 * <pre>{@code
 * AgentOptions.defaults().withMailboxCapacity(1_000).withActivateOnMessage(true)
 * }</pre>
 *
 * @param mailboxCapacity the most messages an agent's mailbox holds; a send beyond it fails with
 *     {@link MailboxFullException}. At least 1.
 * @param passivateAfter how long an agent may stay idle before the runtime passivates it (its
 *     state is kept encoded and the activation freed); {@link Duration#ZERO} never passivates
 * @param activateOnMessage whether a message to an unknown id of this type creates the agent with
 *     {@link AgentType#initialState(String)} (virtual-actor style); only applies to sends that name
 *     the type, see {@link AgentRuntime#ref(String, String)}
 * @param stateFormat how state is encoded when it leaves the activation
 */
public record AgentOptions(int mailboxCapacity, Duration passivateAfter, boolean activateOnMessage,
                           StateFormat stateFormat) {

    /** Default mailbox capacity: 10,000 messages. */
    public static final int DEFAULT_MAILBOX_CAPACITY = 10_000;

    private static final AgentOptions DEFAULTS =
            new AgentOptions(DEFAULT_MAILBOX_CAPACITY, Duration.ofMinutes(10), false, StateFormat.JSON);

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public AgentOptions {
        if (mailboxCapacity < 1) {
            throw new IllegalArgumentException("mailboxCapacity must be at least 1, was " + mailboxCapacity);
        }
        Objects.requireNonNull(passivateAfter, "passivateAfter");
        Objects.requireNonNull(stateFormat, "stateFormat");
        if (passivateAfter.isNegative()) {
            throw new IllegalArgumentException("passivateAfter must not be negative");
        }
    }

    /**
     * The defaults: 10,000 messages per mailbox, passivation after 10 minutes idle, no activation on
     * first message, JSON state.
     *
     * @return the default options
     */
    public static AgentOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param capacity the new mailbox capacity
     * @return a copy with that mailbox capacity
     */
    public AgentOptions withMailboxCapacity(int capacity) {
        return new AgentOptions(capacity, passivateAfter, activateOnMessage, stateFormat);
    }

    /**
     * @param idle the idle time before passivation; {@link Duration#ZERO} disables passivation
     * @return a copy with that passivation delay
     */
    public AgentOptions withPassivateAfter(Duration idle) {
        return new AgentOptions(mailboxCapacity, idle, activateOnMessage, stateFormat);
    }

    /**
     * @param activate whether messages to unknown ids create agents of this type
     * @return a copy with that setting
     */
    public AgentOptions withActivateOnMessage(boolean activate) {
        return new AgentOptions(mailboxCapacity, passivateAfter, activate, stateFormat);
    }

    /**
     * @param format the state encoding
     * @return a copy with that state format
     */
    public AgentOptions withStateFormat(StateFormat format) {
        return new AgentOptions(mailboxCapacity, passivateAfter, activateOnMessage, format);
    }
}
