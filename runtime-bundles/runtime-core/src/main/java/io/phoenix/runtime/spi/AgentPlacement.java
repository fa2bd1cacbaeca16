package io.phoenix.runtime.spi;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides which node hosts an agent, and knows the nodes. Called on the hot path for every send to an
 * agent that is not active locally, so implementations answer from local memory without network round
 * trips; every node must compute the same answer for the same topology.
 */
@ConsumerType
public interface AgentPlacement {

    /**
     * @param agentId the agent's id
     * @param agentType the agent's type name, or {@code null} if the caller does not know it
     * @return the id of the node that should host it
     */
    String nodeFor(String agentId, String agentType);

    /**
     * Decides where a new agent goes. A placement policy may choose the node (least loaded, nodes with certain
     * attributes) and record the choice, so that {@link #nodeFor} gives the same answer on every node afterwards.
     * Must be idempotent: asked again for the same agent (the spawn forwarded to the chosen node), it returns the
     * recorded node.
     *
     * @param agentId the new agent's id
     * @param agentType its type name
     * @return the id of the node that should host it
     * @throws io.phoenix.agent.api.AgentUnavailableException if the type's policy admits no node now
     */
    default String nodeForNew(String agentId, String agentType) {
        return nodeFor(agentId, agentType);
    }

    /**
     * @return the ids of the nodes currently in the cluster, this one included
     */
    List<String> nodes();
}
