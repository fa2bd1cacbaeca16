package io.phoenix.runtime.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides which node hosts an agent. Called on the hot path for every send to an agent that is not
 * active locally, so implementations answer from local memory without network round trips.
 */
@ConsumerType
public interface AgentPlacement {

    /**
     * @param agentId the agent's id
     * @param agentType the agent's type name
     * @return the id of the node that should host it
     */
    String nodeFor(String agentId, String agentType);
}
