package io.phoenix.cluster.internal.placement;

import java.util.Map;

/**
 * A node that may receive agents: ready to serve, with its attributes and last published load.
 *
 * @param nodeId its id
 * @param attributes its attributes
 * @param load its load
 */
public record Candidate(String nodeId, Map<String, String> attributes, NodeLoad load) {

    /** Copies the attributes. */
    public Candidate {
        attributes = Map.copyOf(attributes);
    }
}
