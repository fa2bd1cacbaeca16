package io.phoenix.agent.api;

import org.osgi.annotation.versioning.ProviderType;

/** A scheduled timer of an agent. Implemented by the runtime. */
@ProviderType
public interface TimerHandle {

    /**
     * Cancels the timer. A message it already put into the mailbox is still delivered.
     *
     * @return {@code true} if this call cancelled it, {@code false} if it had already fired (one-shot)
     *     or was cancelled before
     */
    boolean cancel();

    /**
     * @return whether the timer was cancelled or, if one-shot, has fired
     */
    boolean isDone();
}
