package io.phoenix.runtime.spi;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where encoded agent state is kept outside activations. The runtime saves state when it passivates
 * an agent and, if {@link #persistsEveryCommit()}, after every turn that changed it (a replicated
 * store); it loads state when it re-activates an agent.
 */
@ConsumerType
public interface StateStore {

    /**
     * @return {@code true} if the runtime must save every committed state change (and, for calls,
     *     reply only once the returned stage completed); {@code false} if saving at passivation and stop
     *     is enough
     */
    boolean persistsEveryCommit();

    /**
     * Stores an agent's state, replacing what was stored before.
     *
     * @param agentId the agent's id
     * @param state the encoded state
     * @return a stage completed once the state is as durable as the store promises
     */
    CompletionStage<Void> save(String agentId, EncodedState state);

    /**
     * @param agentId the agent's id
     * @return its stored state, if any
     */
    Optional<EncodedState> load(String agentId);

    /**
     * Forgets an agent's state (the agent was stopped).
     *
     * @param agentId the agent's id
     */
    void remove(String agentId);
}
