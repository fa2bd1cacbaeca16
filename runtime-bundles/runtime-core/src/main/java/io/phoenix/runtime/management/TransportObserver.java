package io.phoenix.runtime.management;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Observes the runtime's traffic to other nodes, its placement lookups and its writes of committed state to a
 * replicating store, for metrics. Register
 * implementations as OSGi services (whiteboard). The methods are called on the hot path, on whatever
 * thread completed the work: they must be fast, must not block and must not call back into the runtime.
 * An implementation must not depend on the runtime's services either (the runtime binds observers while it
 * starts).
 */
@ConsumerType
public interface TransportObserver {

    /**
     * A request to another node completed (a reply arrived, or it failed).
     *
     * @param fromNode this node's id
     * @param toNode the target node's id
     * @param operation the request's operation, e.g. {@code CALL}, {@code CAST}
     * @param latencyNanos from sending the request until its outcome was known
     * @param errorCode {@code null} on success, else the failure's code (an {@code AgentException} code)
     */
    void requestCompleted(String fromNode, String toNode, String operation, long latencyNanos, String errorCode);

    /**
     * The runtime looked up where an agent lives (placement), for an agent not active on this node.
     *
     * @param node this node's id
     * @param latencyNanos how long the lookup took
     */
    void placementLookup(String node, long latencyNanos);

    /**
     * A committed state change was written to a store that persists every commit (a replicated store): called
     * once per write, on the thread that completed it. Never called on a node without such a store. The default
     * does nothing, so observers written against earlier versions keep working.
     *
     * @param node this node's id
     * @param latencyNanos from issuing the write until the store confirmed or failed it (a write of an agent waits
     *     for that agent's previous one, so this is the delay its caller sees)
     * @param failed {@code true} if the store failed the write
     * @since 1.3
     */
    default void stateWriteCompleted(String node, long latencyNanos, boolean failed) {
        // not observed
    }
}
