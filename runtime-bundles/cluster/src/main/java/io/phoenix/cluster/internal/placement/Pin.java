package io.phoenix.cluster.internal.placement;

/**
 * A recorded placement: the node an agent lives on, its type (so any node can apply the type's policy when that
 * node is gone, even for a message that does not name the type) and whether an operator put it there (a migration,
 * which rebalancing leaves alone) or a policy did. Stored as plain text: {@code node␟type␟m|p}.
 *
 * @param nodeId the node
 * @param agentType the agent's type, or {@code null} if unknown
 * @param manual whether an operator's migration put it there
 */
public record Pin(String nodeId, String agentType, boolean manual) {

    private static final char SEPARATOR = '\u001F';

    /** @return the stored form */
    public String encode() {
        return nodeId + SEPARATOR + (agentType == null ? "" : agentType) + SEPARATOR + (manual ? 'm' : 'p');
    }

    /**
     * @param text a stored form
     * @return the pin; a bare node id (as written by earlier versions) is a manual pin of unknown type
     */
    public static Pin decode(String text) {
        int first = text.indexOf(SEPARATOR);
        if (first < 0) {
            return new Pin(text, null, true);
        }
        int second = text.indexOf(SEPARATOR, first + 1);
        String type = text.substring(first + 1, second < 0 ? text.length() : second);
        boolean manual = second < 0 || second + 1 >= text.length() || text.charAt(second + 1) != 'p';
        return new Pin(text.substring(0, first), type.isEmpty() ? null : type, manual);
    }
}
