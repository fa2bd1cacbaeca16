package io.phoenix.cluster.internal;

import io.phoenix.grid.GridNode;
import io.phoenix.runtime.spi.EncodedState;
import io.phoenix.runtime.spi.StateStore;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Agents' committed state in a partitioned grid cache with backups. Every commit is written; with
 * synchronous replication the write completes only once every backup has it, so a call that returned
 * success survives the loss of the agent's node. A write that completed while this node had lost its
 * cluster is reported as unconfirmed ({@link CommitGuard}), never as stored. Completions are handed to a thread of our own, never
 * run on the grid's threads (where further grid calls could starve it).
 */
@Component(service = StateStore.class)
public class IgniteStateStore implements StateStore {

    @Reference
    Ignite ignite;

    @Reference
    GridNode grid;

    private IgniteCache<String, byte[]> states;
    private ExecutorService completions;
    @Reference
    CommitGuard guard;

    @Activate
    void activate() {
        states = AgentCaches.state(ignite, grid.settings());
        completions = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "phoenix-state-acks");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Deactivate
    void deactivate() {
        completions.shutdown();
    }

    @Override
    public boolean persistsEveryCommit() {
        return true;
    }

    @Override
    public CompletionStage<Void> save(String agentId, EncodedState state) {
        CompletableFuture<Void> saved = new CompletableFuture<>();
        String refused = guard.quorumShortfall();
        if (refused != null) {
            saved.completeExceptionally(new UnconfirmedWriteException(agentId, refused));
            return saved;
        }
        try {
            states.putAsync(agentId, StateBytes.encode(state)).listenAsync(done -> {
                try {
                    done.get();
                    String distrust = guard.distrust();
                    if (distrust == null) {
                        saved.complete(null);
                    } else {
                        saved.completeExceptionally(new UnconfirmedWriteException(agentId, distrust));
                    }
                } catch (RuntimeException e) {
                    saved.completeExceptionally(e);
                }
            }, completions);
        } catch (RuntimeException e) {
            saved.completeExceptionally(e);
        }
        return saved;
    }

    @Override
    public Optional<EncodedState> load(String agentId) {
        byte[] value = states.get(agentId);
        return value == null ? Optional.empty() : Optional.of(StateBytes.decode(value));
    }

    @Override
    public void remove(String agentId) {
        states.remove(agentId);
    }
}
