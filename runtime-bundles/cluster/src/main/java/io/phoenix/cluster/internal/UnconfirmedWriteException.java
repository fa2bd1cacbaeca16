package io.phoenix.cluster.internal;

/** A state write the grid completed, or was asked to make, whose durability on the cluster cannot be trusted. */
final class UnconfirmedWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnconfirmedWriteException(String agentId, String why) {
        super("state of agent '" + agentId + "' not confirmed: " + why, null, false, false);
    }
}
