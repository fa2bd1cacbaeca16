package io.phoenix.cluster;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Operations on the Phoenix cluster this node belongs to. Registered as an OSGi service by the cluster
 * bundle while the node's data grid is up. Implemented by the cluster bundle.
 */
@ProviderType
public interface ClusterManagement {

    /**
     * @return this node's id
     */
    String localNodeId();

    /**
     * Every server node with its address, health, load and the number of agents it hosts. Asks the other
     * nodes for their agent counts; a node that does not answer in time is reported as unreachable.
     *
     * @return the nodes, sorted by id
     */
    List<NodeInfo> nodes();

    /**
     * @return the cluster's state as this node sees it
     */
    ClusterStatus status();

    /**
     * Where an agent is placed and which node holds its activation.
     *
     * @param agentId the agent's id
     * @return its location; {@link AgentLocation#exists()} is false for an unknown id
     */
    AgentLocation where(String agentId);

    /**
     * Moves an agent to a node and pins it there: its activation ends where it is (after the messages
     * already queued, whose replies follow it), and it resumes on the target with its state.
     *
     * @param agentId the agent's id
     * @param nodeId the target node
     * @return a stage completed once the agent was released where it was; failed with
     *     {@link IllegalArgumentException} for an unknown node or agent
     */
    CompletionStage<AgentLocation> migrate(String agentId, String nodeId);

    /**
     * Asks every node to re-check the placement of its agents and hand off the misplaced ones.
     *
     * @return the number of agents handed off, cluster-wide
     */
    CompletionStage<Integer> rebalance();
}
