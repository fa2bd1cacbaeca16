package io.phoenix.runtime.spi;

import java.util.Objects;

/**
 * A request from one node's runtime to another's, carried by an {@link AgentTransport}. Payloads are
 * JSON text, so requests need no agent classes to travel.
 *
 * @param operation what to do
 * @param agentId the agent concerned ({@code null} for {@link Operation#LIST})
 * @param agentType the agent's type when the sender knows it (spawn, activation on message), else {@code null}
 * @param payload the message, initial state or list query as JSON, or {@code null}
 * @param timeoutMillis how long the sender waits for the reply
 * @param hops how many times the request was forwarded already (bounded, against routing loops)
 */
public record RemoteRequest(Operation operation, String agentId, String agentType, String payload, long timeoutMillis,
                            int hops) {

    /** Checks that the operation is given. */
    public RemoteRequest {
        Objects.requireNonNull(operation, "operation");
    }

    /** The operations a runtime serves for other nodes. */
    public enum Operation {
        /** Queue a message (reply: empty once queued). */
        CAST,
        /** Request/reply (reply: the agent's reply as JSON). */
        CALL,
        /** Create an agent here (payload: initial state JSON or null). */
        SPAWN,
        /** Read committed state (reply: state JSON). */
        STATE,
        /** Describe the agent (reply: AgentInfo as JSON). */
        INFO,
        /** Stop the agent. */
        STOP,
        /** End the local activation so another node can claim the agent (hand-off). */
        RELEASE,
        /** List local agents (payload: an AgentQuery as JSON; reply: an AgentPage as JSON). */
        LIST,
        /** The node's runtime status (reply: a NodeStatus as JSON). */
        STATUS,
        /** Re-check placement of the node's agents and hand off misplaced ones (reply: how many, as JSON). */
        REHOME,
        /** Activate the agent where it is placed now (failover: its holder died), running onActivate. */
        ACTIVATE,
        /**
         * Answer at once (reply: empty). A node whose ownership lease lapsed sends it to confirm that the others
         * still count it as a member: an evicted node's messages are not delivered, so it gets no answer.
         */
        PING
    }

    /**
     * @return this request, forwarded once more
     */
    public RemoteRequest forwarded() {
        return new RemoteRequest(operation, agentId, agentType, payload, timeoutMillis, hops + 1);
    }
}
