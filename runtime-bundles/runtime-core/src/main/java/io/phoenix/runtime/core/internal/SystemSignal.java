package io.phoenix.runtime.core.internal;

/** Instructions the runtime sends an activation through its mailbox, so they run in turn order. */
enum SystemSignal {
    /** Run onActivate (after spawn). */
    ACTIVATE,
    /** Make the agent live if it is not (failover re-activation); nothing if it already is. */
    WAKE,
    /** Passivate if still idle when this is reached. */
    PASSIVATE,
    /** Stop after the messages queued before this one. */
    STOP,
    /** Hand the agent off to another node after the messages queued before this one. */
    RELEASE,
    /** Drop the live state (a save failed) so the next turn reloads the stored one. */
    RESYNC
}
