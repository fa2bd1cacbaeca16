package io.phoenix.runtime.core.internal;

import io.phoenix.runtime.spi.EncodedState;
import io.phoenix.runtime.spi.StateStore;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single-node state store: the encoded state of passivated agents, in this JVM's memory. Live
 * agents hold their own state, so the store holds only what is not live.
 */
final class LocalStateStore implements StateStore {

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final ConcurrentHashMap<String, EncodedState> states = new ConcurrentHashMap<>();

    @Override
    public boolean persistsEveryCommit() {
        return false;
    }

    @Override
    public CompletionStage<Void> save(String agentId, EncodedState state) {
        states.put(agentId, state);
        return DONE;
    }

    @Override
    public Optional<EncodedState> load(String agentId) {
        return Optional.ofNullable(states.get(agentId));
    }

    @Override
    public void remove(String agentId) {
        states.remove(agentId);
    }

    int size() {
        return states.size();
    }
}
