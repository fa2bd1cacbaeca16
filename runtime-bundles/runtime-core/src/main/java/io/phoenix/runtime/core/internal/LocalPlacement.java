package io.phoenix.runtime.core.internal;

import io.phoenix.runtime.spi.AgentPlacement;

/** Single-node placement: every agent lives here. */
final class LocalPlacement implements AgentPlacement {

    private final String nodeId;

    LocalPlacement(String nodeId) {
        this.nodeId = nodeId;
    }

    @Override
    public String nodeFor(String agentId, String agentType) {
        return nodeId;
    }
}
