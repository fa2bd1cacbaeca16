package io.phoenix.agent.api;

/** The lifecycle status of an agent. */
public enum AgentStatus {
    /** Activated and handling messages. */
    ACTIVE,
    /** Idle and passivated: its state is stored encoded; the next message re-activates it. */
    PASSIVATED,
    /** Its type is unavailable (bundle stopped or being upgraded): messages wait in its mailbox. */
    SUSPENDED,
    /** Stopped: it no longer exists. */
    STOPPED
}
