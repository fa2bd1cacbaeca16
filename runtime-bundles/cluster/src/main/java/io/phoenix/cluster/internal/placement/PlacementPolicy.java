package io.phoenix.cluster.internal.placement;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the agents of one type are placed, as written in {@code etc/io.phoenix.placement.cfg}:
 * <pre>
 *   affinity                          the default: the primary of the id's partition (nothing recorded)
 *   least-loaded                      the node with the lowest load score, recorded in the directory
 *   where role=gpu zone=eu-1          only nodes with all these attributes (by hash of the id), recorded
 *   least-loaded where role=gpu       both
 * </pre>
 * The attribute {@code node} always holds a node's id, so {@code where node=phoenix-2} keeps a type on one node.
 *
 * @param strategy how a node is chosen among the eligible ones
 * @param required attributes an eligible node must have, all of them; empty: every node
 */
public record PlacementPolicy(Strategy strategy, Map<String, String> required) {

    /** How a node is chosen among the eligible ones. */
    public enum Strategy {
        /** By the grid's affinity (no filter) or by a hash of the id over the eligible nodes (with a filter). */
        AFFINITY,
        /** The eligible node with the lowest load score. */
        LEAST_LOADED
    }

    /** Plain affinity placement: what a type without a policy gets. */
    public static final PlacementPolicy AFFINITY = new PlacementPolicy(Strategy.AFFINITY, Map.of());

    /** The implicit attribute every node has: its id. */
    public static final String NODE_ATTRIBUTE = "node";

    /** Copies the attribute map. */
    public PlacementPolicy {
        required = Map.copyOf(required);
    }

    /** @return whether agents of this policy are placed by choice and their node recorded (anything but plain affinity) */
    public boolean records() {
        return strategy != Strategy.AFFINITY || !required.isEmpty();
    }

    /**
     * @param nodeId a node's id
     * @param attributes its attributes
     * @return whether the node may host agents of this policy
     */
    public boolean accepts(String nodeId, Map<String, String> attributes) {
        for (Map.Entry<String, String> wanted : required.entrySet()) {
            String actual = NODE_ATTRIBUTE.equals(wanted.getKey()) ? nodeId : attributes.get(wanted.getKey());
            if (!wanted.getValue().equals(actual)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param text a policy as written in the configuration
     * @return the policy
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static PlacementPolicy parse(String text) {
        String[] words = text.trim().split("\\s+");
        int at = 0;
        Strategy strategy = Strategy.AFFINITY;
        if (at < words.length && !words[at].isEmpty() && !words[at].equalsIgnoreCase("where")) {
            strategy = switch (words[at].toLowerCase(Locale.ROOT)) {
                case "affinity" -> Strategy.AFFINITY;
                case "least-loaded" -> Strategy.LEAST_LOADED;
                default -> throw new IllegalArgumentException("unknown placement strategy '" + words[at]
                        + "' (affinity, least-loaded)");
            };
            at++;
        }
        Map<String, String> required = new TreeMap<>();
        if (at < words.length && words[at].equalsIgnoreCase("where")) {
            at++;
            if (at == words.length) {
                throw new IllegalArgumentException("'where' needs at least one attribute=value");
            }
            for (; at < words.length; at++) {
                int equals = words[at].indexOf('=');
                if (equals <= 0 || equals == words[at].length() - 1) {
                    throw new IllegalArgumentException("expected attribute=value after 'where', was '" + words[at] + "'");
                }
                required.put(words[at].substring(0, equals), words[at].substring(equals + 1));
            }
        }
        if (at < words.length && !words[at].isEmpty()) {
            throw new IllegalArgumentException("unexpected '" + words[at] + "' (syntax: [affinity|least-loaded]"
                    + " [where attribute=value ...])");
        }
        return new PlacementPolicy(strategy, required);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(strategy == Strategy.LEAST_LOADED ? "least-loaded" : "affinity");
        if (!required.isEmpty()) {
            text.append(" where");
            new TreeMap<>(required).forEach((key, value) -> text.append(' ').append(key).append('=').append(value));
        }
        return text.toString();
    }
}
