package io.phoenix.runtime.spi;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The cluster-wide directory of agents and of which node holds each one's activation. The runtime
 * keeps its own agents in node-local memory and consults the directory only when an agent is created,
 * activated on this node, released or removed, so an implementation may be remote. Claims make
 * activation exclusive: a node activates an agent only while it holds the claim, so there is never more
 * than one live activation of an agent in a healthy cluster.
 */
@ConsumerType
public interface AgentDirectory {

    /**
     * Creates the entry of a new agent, claimed by {@code nodeId}.
     *
     * @param agentId the new agent's id
     * @param agentType its type
     * @param nodeId the node creating (and holding) it
     * @return {@code true} if the id was free and is now taken, {@code false} if it exists
     */
    boolean register(String agentId, String agentType, String nodeId);

    /**
     * @param agentId an agent's id
     * @return its entry, if the agent exists
     */
    Optional<DirectoryEntry> lookup(String agentId);

    /**
     * Claims an existing agent for activation on {@code nodeId}. Granted when nobody holds it, when
     * {@code nodeId} already holds it, or when its holder has left the cluster.
     *
     * @param agentId the agent's id
     * @param nodeId the claiming node
     * @return the outcome
     */
    Claim claim(String agentId, String nodeId);

    /**
     * Gives up {@code nodeId}'s claim (the activation there ended: hand-off, migration). Does nothing if
     * another node holds it.
     *
     * @param agentId the agent's id
     * @param nodeId the releasing node
     */
    void release(String agentId, String nodeId);

    /**
     * Removes the agent (it was stopped).
     *
     * @param agentId the agent's id
     */
    void remove(String agentId);

    /**
     * An agent's entry.
     *
     * @param agentType the agent's type name
     * @param holder the node holding its activation, or {@code null} if none does
     */
    record DirectoryEntry(String agentType, String holder) {
    }

    /**
     * The outcome of {@link #claim}.
     *
     * @param outcome granted, held elsewhere, or no such agent
     * @param agentType the agent's type, when it exists
     * @param holder the node that holds it, when {@link Outcome#HELD_ELSEWHERE}
     */
    record Claim(Outcome outcome, String agentType, String holder) {

        /** What a claim found. */
        public enum Outcome {
            /** The caller holds the agent now. */
            GRANTED,
            /** A live node holds it; ask that node to release it first. */
            HELD_ELSEWHERE,
            /** No agent with that id exists. */
            NOT_FOUND
        }
    }
}
