package io.phoenix.runtime.management;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Management operations of the local node's runtime, registered as an OSGi service next to
 * {@link io.phoenix.agent.api.AgentRuntime}. Implemented by the runtime.
 */
@ProviderType
public interface RuntimeManagement {

    /**
     * @return the id of this node
     */
    String nodeId();

    /**
     * All agent types this node knows: available ones and suspended ones (whose bundle went away while
     * agents of the type exist), sorted by name.
     *
     * @return the types
     */
    List<AgentTypeInfo> types();

    /**
     * @param typeName a type name
     * @return the type, if this node knows it
     */
    Optional<AgentTypeInfo> type(String typeName);

    /**
     * @return the node's current status and counters
     */
    NodeStatus status();

    /**
     * Latency of messages inside this node, all agent types together: from a message entering an agent's mailbox
     * until the turn that handled it ended (queue wait plus handling, including failed turns). About one message in
     * 32 is timed, chosen at random; timer messages, runtime signals and what a call spends outside this node (the
     * network, a replicated write's confirmation, an asynchronous reply) are not included. Cumulative since the
     * runtime started: use {@link LatencySnapshot#since} for a recent window.
     *
     * @return the histogram
     * @since 1.4
     */
    LatencySnapshot messageLatency();

    /**
     * The same as {@link #messageLatency()}, per agent type, for the types {@link #types()} lists.
     *
     * @return histograms by type name, sorted by name
     * @since 1.4
     */
    Map<String, LatencySnapshot> messageLatencyByType();
}
