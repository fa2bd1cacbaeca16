package io.phoenix.runtime.core.internal;

import io.phoenix.runtime.spi.EncodedState;
import io.phoenix.runtime.spi.StateStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Persists every commit and confirms asynchronously after a few milliseconds, like a replicated grid cache; it can
 * be told to fail its writes (failed stage) or to throw from {@link #save}, and to confirm slowly.
 */
final class ReplicatedTestStore implements StateStore {
    static final long ACK_MILLIS = 2;

    private final Map<String, EncodedState> states = new ConcurrentHashMap<>();
    volatile boolean failing;
    volatile boolean throwing;
    volatile long ackMillis = ACK_MILLIS;

    @Override
    public boolean persistsEveryCommit() {
        return true;
    }

    @Override
    public CompletionStage<Void> save(String agentId, EncodedState state) {
        if (throwing) {
            throw new IllegalStateException("grid node is stopping");
        }
        if (failing) {
            return CompletableFuture.failedFuture(new IllegalStateException("grid refuses writes"));
        }
        return CompletableFuture.runAsync(() -> states.put(agentId, state),
                CompletableFuture.delayedExecutor(ackMillis, TimeUnit.MILLISECONDS));
    }

    @Override
    public Optional<EncodedState> load(String agentId) {
        return Optional.ofNullable(states.get(agentId));
    }

    @Override
    public void remove(String agentId) {
        states.remove(agentId);
    }
}
