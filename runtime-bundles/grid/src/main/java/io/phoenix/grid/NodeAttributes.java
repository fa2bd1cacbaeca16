package io.phoenix.grid;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.ignite.cluster.ClusterNode;

/**
 * The attributes an operator gives a node ({@code node.attributes} in {@code etc/io.phoenix.grid.cfg}, e.g.
 * {@code zone=eu-1,role=gpu}), which placement policies select nodes by. Every node announces its attributes when it
 * joins, so any node reads any other node's attributes from the topology, without a network round trip.
 */
public final class NodeAttributes {

    /** The prefix of Phoenix node attributes among a grid node's user attributes. */
    public static final String PREFIX = "phoenix.attr.";

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]+");

    private NodeAttributes() {
    }

    /**
     * @param key a candidate attribute name
     * @return whether it is a valid name: letters, digits, {@code .}, {@code _} and {@code -}
     */
    public static boolean isValidKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /**
     * @param attributes a node's attributes
     * @return the same as grid user attributes (names prefixed with {@link #PREFIX})
     */
    public static Map<String, String> toUserAttributes(Map<String, String> attributes) {
        Map<String, String> prefixed = new TreeMap<>();
        attributes.forEach((key, value) -> prefixed.put(PREFIX + key, value));
        return prefixed;
    }

    /**
     * @param node a grid node of the topology
     * @return the Phoenix attributes it announced, by name (without the prefix); empty if none
     */
    public static Map<String, String> of(ClusterNode node) {
        Map<String, String> attributes = new TreeMap<>();
        for (Map.Entry<String, Object> attribute : node.attributes().entrySet()) {
            if (attribute.getKey().startsWith(PREFIX) && attribute.getValue() instanceof String value) {
                attributes.put(attribute.getKey().substring(PREFIX.length()), value);
            }
        }
        return attributes;
    }
}
