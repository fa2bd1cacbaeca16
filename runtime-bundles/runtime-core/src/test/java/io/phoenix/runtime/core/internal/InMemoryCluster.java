package io.phoenix.runtime.core.internal;

import io.phoenix.runtime.spi.AgentDirectory;
import io.phoenix.runtime.spi.AgentPlacement;
import io.phoenix.runtime.spi.AgentTransport;
import io.phoenix.runtime.spi.EncodedState;
import io.phoenix.runtime.spi.RemoteReply;
import io.phoenix.runtime.spi.RemoteRequest;
import io.phoenix.runtime.spi.StateStore;
import io.phoenix.runtime.spi.TransportException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A cluster of runtimes in one JVM for unit tests: a shared directory and state store, placement by
 * hash over the live nodes, and a transport that hands requests to the target runtime on another
 * thread. What Ignite provides in production, reduced to what the runtime's cluster logic relies on.
 */
final class InMemoryCluster implements AutoCloseable {

    record Entry(String type, String holder) {
    }

    final Map<String, Entry> directoryEntries = new ConcurrentHashMap<>();
    final Map<String, EncodedState> states = new ConcurrentHashMap<>();
    final Map<String, LocalRuntime> nodes = new ConcurrentHashMap<>();
    final List<String> live = new CopyOnWriteArrayList<>();
    private final ExecutorService network = Executors.newFixedThreadPool(4);

    LocalRuntime start(String nodeId) {
        LocalRuntime runtime = startDetached(nodeId);
        attach(nodeId);
        return runtime;
    }

    /** A node whose transport is up (it is in the topology) but whose runtime has not attached yet. */
    LocalRuntime startDetached(String nodeId) {
        LocalRuntime runtime = new LocalRuntime(RuntimeSettings.defaults(nodeId).withDispatcherThreads(2), Clock.systemUTC());
        nodes.put(nodeId, runtime);
        live.add(nodeId);
        return runtime;
    }

    void attach(String nodeId) {
        nodes.get(nodeId).attachCluster(new Placement(), new Directory(), new Store(), new Transport(nodeId));
    }

    /** The node dies: it leaves the topology and its runtime stops. */
    void kill(String nodeId) {
        live.remove(nodeId);
        LocalRuntime runtime = nodes.remove(nodeId);
        runtime.close();
    }

    String ownerOf(String agentId) {
        List<String> members = new ArrayList<>(live);
        members.sort(String::compareTo);
        return members.get(Math.floorMod(agentId.hashCode(), members.size()));
    }

    @Override
    public void close() {
        nodes.values().forEach(LocalRuntime::close);
        network.shutdownNow();
    }

    private final class Placement implements AgentPlacement {
        @Override
        public String nodeFor(String agentId, String agentType) {
            return ownerOf(agentId);
        }

        @Override
        public List<String> nodes() {
            return List.copyOf(live);
        }
    }

    private final class Directory implements AgentDirectory {
        @Override
        public boolean register(String agentId, String agentType, String nodeId) {
            return directoryEntries.putIfAbsent(agentId, new Entry(agentType, nodeId)) == null;
        }

        @Override
        public Optional<DirectoryEntry> lookup(String agentId) {
            Entry entry = directoryEntries.get(agentId);
            return entry == null ? Optional.empty() : Optional.of(new DirectoryEntry(entry.type(), entry.holder()));
        }

        @Override
        public synchronized Claim claim(String agentId, String nodeId) {
            Entry entry = directoryEntries.get(agentId);
            if (entry == null) {
                return new Claim(Claim.Outcome.NOT_FOUND, null, null);
            }
            if (entry.holder() == null || entry.holder().equals(nodeId) || !live.contains(entry.holder())) {
                directoryEntries.put(agentId, new Entry(entry.type(), nodeId));
                return new Claim(Claim.Outcome.GRANTED, entry.type(), nodeId);
            }
            return new Claim(Claim.Outcome.HELD_ELSEWHERE, entry.type(), entry.holder());
        }

        @Override
        public synchronized void release(String agentId, String nodeId) {
            directoryEntries.computeIfPresent(agentId,
                    (id, entry) -> nodeId.equals(entry.holder()) ? new Entry(entry.type(), null) : entry);
        }

        @Override
        public void remove(String agentId) {
            directoryEntries.remove(agentId);
        }
    }

    private final class Store implements StateStore {
        @Override
        public boolean persistsEveryCommit() {
            return true;
        }

        @Override
        public CompletionStage<Void> save(String agentId, EncodedState state) {
            states.put(agentId, state);
            return CompletableFuture.completedFuture(null);
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

    private final class Transport implements AgentTransport {
        private final String from;

        Transport(String from) {
            this.from = from;
        }

        @Override
        public CompletionStage<RemoteReply> send(String nodeId, RemoteRequest request) {
            LocalRuntime target = nodes.get(nodeId);
            if (target == null || !live.contains(nodeId)) {
                return CompletableFuture.failedFuture(new TransportException("node " + nodeId + " is gone", false, null));
            }
            return CompletableFuture.supplyAsync(() -> target.handle(from, request), network)
                    .thenCompose(reply -> reply);
        }
    }
}
