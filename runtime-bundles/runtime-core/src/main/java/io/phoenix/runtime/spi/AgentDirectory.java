package io.phoenix.runtime.spi;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The cluster-wide directory of agents. The runtime keeps its own agents in node-local memory and
 * consults the directory only on a local miss and when an agent is created or removed, so an
 * implementation may be remote. On a single node the local table is the whole truth and the directory
 * holds nothing.
 */
@ConsumerType
public interface AgentDirectory {

    /**
     * Claims an id for a new agent, cluster-wide.
     *
     * @param agentId the new agent's id
     * @param entry where it lives and what type it is
     * @return {@code true} if the id was free and is now claimed, {@code false} if it is taken
     */
    boolean register(String agentId, DirectoryEntry entry);

    /**
     * @param agentId an agent's id
     * @return its entry, if some node hosts it
     */
    Optional<DirectoryEntry> lookup(String agentId);

    /**
     * Releases an id (the agent was stopped).
     *
     * @param agentId the agent's id
     */
    void remove(String agentId);

    /**
     * An agent's directory entry.
     *
     * @param agentType the agent's type name
     * @param nodeId the id of the node that hosts it
     */
    record DirectoryEntry(String agentType, String nodeId) {
    }
}
