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
     * @return the ids of the nodes currently in the cluster, this one included
     */
    List<String> nodes();
}
