package io.phoenix.cluster.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phoenix.cluster.AgentLocation;
import io.phoenix.cluster.ClusterManagement;
import io.phoenix.cluster.ClusterStatus;
import io.phoenix.cluster.NodeInfo;
import io.phoenix.cluster.internal.placement.Pin;
import io.phoenix.grid.GridNode;
import io.phoenix.grid.GridSettings;
import io.phoenix.grid.GridStatus;
import io.phoenix.runtime.spi.AgentDirectory;
import io.phoenix.runtime.spi.AgentDirectory.DirectoryEntry;
import io.phoenix.runtime.spi.AgentHost;
import io.phoenix.runtime.spi.AgentTransport;
import io.phoenix.runtime.spi.RemoteReply;
import io.phoenix.runtime.spi.RemoteRequest;
import io.phoenix.runtime.spi.RemoteRequest.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterMetrics;
import org.apache.ignite.cluster.ClusterNode;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@link ClusterManagement} service: a thin view over the grid, the directory and the nodes' runtimes. */
@Component(service = {ClusterManagement.class, ClusterManagementService.class})
public class ClusterManagementService implements ClusterManagement {

    private static final long ASK_MILLIS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Reference
    Ignite ignite;

    @Reference
    GridNode grid;

    @Reference
    AgentHost host;

    @Reference
    AffinityPlacement placement;

    @Reference
    AgentDirectory directory;

    @Reference
    AgentTransport transport;

    @Override
    public String localNodeId() {
        return grid.settings().nodeId();
    }

    @Override
    public List<NodeInfo> nodes() {
        List<ClusterNode> servers;
        try {
            servers = new ArrayList<>(ignite.cluster().forServers().nodes());
        } catch (RuntimeException e) {
            throw new IllegalStateException("the grid node of this Phoenix node is not running: " + e.getMessage(), e);
        }
        List<CompletableFuture<Long>> counts = new ArrayList<>();
        for (ClusterNode node : servers) {
            counts.add(node.isLocal() ? CompletableFuture.completedFuture(host.localAgents())
                    : ask(AgentCaches.nodeId(node), Operation.STATUS, null)
                            .thenApply(json -> readTree(json).path("agents").asLong(-1)).toCompletableFuture());
        }
        List<NodeInfo> result = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            ClusterNode node = servers.get(i);
            long agents;
            try {
                agents = counts.get(i).get(ASK_MILLIS + 500, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                agents = -1;
            }
            ClusterMetrics metrics = node.metrics();
            double cpu = metrics.getCurrentCpuLoad();
            long heapUsed = metrics.getHeapMemoryUsed();
            long heapMax = metrics.getHeapMemoryMaximum();
            String health = agents < 0 ? "unreachable"
                    : heapMax > 0 && heapUsed > heapMax * 0.9 ? "overloaded" : "up";
            result.add(new NodeInfo(AgentCaches.nodeId(node), address(node), node.isLocal(), agents, cpu, heapUsed,
                    heapMax, health, io.phoenix.grid.NodeAttributes.of(node)));
        }
        result.sort(Comparator.comparing(NodeInfo::id));
        return result;
    }

    private static String address(ClusterNode node) {
        String host = node.addresses().stream().findFirst().orElse("?");
        return node instanceof org.apache.ignite.spi.discovery.tcp.internal.TcpDiscoveryNode discovery
                ? host + ":" + discovery.discoveryPort() : host;
    }

    @Override
    public ClusterStatus status() {
        GridStatus gridStatus = grid.status();
        GridSettings settings = grid.settings();
        List<String> problems = new ArrayList<>();
        if (gridStatus.lastError() != null) {
            problems.add(gridStatus.lastError());
        }
        for (String foreign : gridStatus.foreignNodes()) {
            problems.add("incompatible node seen: " + foreign);
        }
        if (!grid.settings().nodeId().equals(host.nodeId())) {
            problems.add("grid node id " + grid.settings().nodeId() + " differs from runtime node id " + host.nodeId()
                    + ": set PHOENIX_NODE_ID (or node.id in both etc/io.phoenix.grid.cfg and etc/io.phoenix.runtime.core.cfg)");
        }
        long topologyVersion;
        try {
            topologyVersion = ignite.cluster().topologyVersion();
        } catch (RuntimeException e) {
            topologyVersion = -1; // the grid node is stopping (e.g. after it was segmented)
            problems.add("the grid node is not running: " + e.getMessage());
        }
        return new ClusterStatus(settings.nodeId(), gridStatus.state().name(), gridStatus.servers(), topologyVersion,
                settings.backups(), settings.synchronous(), settings.partitions(), problems);
    }

    @Override
    public AgentLocation where(String agentId) {
        Optional<DirectoryEntry> entry = directory.lookup(agentId);
        return new AgentLocation(agentId, entry.isPresent(), entry.map(DirectoryEntry::agentType).orElse(null),
                placement.nodeFor(agentId, null), entry.map(DirectoryEntry::holder).orElse(null),
                placement.pinned(agentId));
    }

    @Override
    public CompletionStage<AgentLocation> migrate(String agentId, String nodeId) {
        return move(agentId, nodeId, true);
    }

    /**
     * Moves an agent and records its new node.
     *
     * @param agentId the agent
     * @param nodeId the target node
     * @param manual an operator's migration (rebalancing leaves it alone) rather than a placement policy's move
     * @return as {@link #migrate}
     */
    CompletionStage<AgentLocation> move(String agentId, String nodeId, boolean manual) {
        if (AgentCaches.serverNode(ignite, nodeId) == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no node '" + nodeId + "' in the cluster"));
        }
        Optional<DirectoryEntry> entry = directory.lookup(agentId);
        if (entry.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no agent '" + agentId + "'"));
        }
        placement.pin(agentId, new Pin(nodeId, entry.get().agentType(), manual));
        String holder = entry.get().holder();
        CompletionStage<String> released = holder == null || holder.equals(nodeId)
                ? CompletableFuture.completedFuture(null)
                : ask(holder, Operation.RELEASE, agentId);
        // Activate it on the target right away, so the move is complete when this returns.
        return released.thenCompose(ignored -> ask(nodeId, Operation.INFO, agentId)).thenApply(ignored -> where(agentId));
    }

    @Override
    public CompletionStage<Integer> rebalance() {
        List<CompletableFuture<Integer>> moves = new ArrayList<>();
        for (String node : placement.nodes()) {
            moves.add(ask(node, Operation.REHOME, null).thenApply(Integer::parseInt).toCompletableFuture());
        }
        PolicyRebalancer.requestEverywhere(ignite); // least-loaded agents: each node checks its own, in the background
        return CompletableFuture.allOf(moves.toArray(new CompletableFuture[0]))
                .thenApply(ignored -> moves.stream().mapToInt(CompletableFuture::join).sum());
    }

    private CompletionStage<String> ask(String node, Operation operation, String agentId) {
        return transport.send(node, new RemoteRequest(operation, agentId, null, null, ASK_MILLIS, 0))
                .thenApply(ClusterManagementService::payloadOrThrow);
    }

    private static String payloadOrThrow(RemoteReply reply) {
        if (!reply.succeeded()) {
            throw new IllegalStateException(reply.errorMessage() + " (" + reply.errorCode() + ")");
        }
        return reply.payload();
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("malformed status from another node", e);
        }
    }
}
