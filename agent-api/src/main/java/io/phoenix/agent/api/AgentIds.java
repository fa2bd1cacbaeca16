package io.phoenix.agent.api;

/**
 * The one rule for agent ids, applied by the runtime wherever it accepts a new id (spawn), and so by every face
 * (shell, REST, Java API) alike.
 *
 * <p>A valid id is 1 to {@value #MAX_LENGTH} characters long and contains no control character, no whitespace,
 * no {@code /} and no {@code \}, and is not {@code .} or {@code ..}. Why: an id must be usable as one path
 * segment of the REST API ({@code /api/agents/{id}}), where a slash or backslash splits the segment (servlet
 * containers refuse or normalise an encoded one) and {@code .}/{@code ..} are resolved away; and as one word of a
 * shell command, where whitespace splits it. Everything else (any letter of any script, digits, punctuation such
 * as {@code : - _ . @ # ?}) is allowed; clients percent-encode it in URLs.
 */
public final class AgentIds {

    /** The longest id, in UTF-16 characters. */
    public static final int MAX_LENGTH = 256;

    private AgentIds() {
    }

    /**
     * @param agentId a candidate id, may be {@code null}
     * @return {@code null} if the id is valid, else why not (one sentence naming the offending character)
     */
    public static String problem(String agentId) {
        if (agentId == null || agentId.isEmpty()) {
            return "an agent id must not be empty";
        }
        if (agentId.length() > MAX_LENGTH) {
            return "an agent id must be at most " + MAX_LENGTH + " characters, was " + agentId.length();
        }
        if (agentId.equals(".") || agentId.equals("..")) {
            return "an agent id must not be '.' or '..'";
        }
        for (int i = 0; i < agentId.length(); i++) {
            char c = agentId.charAt(i);
            if (Character.isISOControl(c)) {
                return "an agent id must not contain control characters (U+" + String.format("%04X", (int) c)
                        + " at position " + i + ")";
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return "an agent id must not contain whitespace (position " + i + ")";
            }
            if (c == '/' || c == '\\') {
                return "an agent id must not contain '" + c + "' (position " + i + ")";
            }
        }
        return null;
    }

    /**
     * @param agentId a candidate id
     * @return whether it is valid
     */
    public static boolean isValid(String agentId) {
        return problem(agentId) == null;
    }

    /**
     * @param agentId a candidate id
     * @return the id, if it is valid
     * @throws BadMessageException if it is not, with the reason and the id quoted safely
     */
    public static String requireValid(String agentId) {
        String problem = problem(agentId);
        if (problem != null) {
            throw new BadMessageException(agentId, problem + ": " + quote(agentId));
        }
        return agentId;
    }

    /** The id in quotes, control characters escaped and abbreviated, so a refusal prints on one line. */
    private static String quote(String agentId) {
        if (agentId == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("'");
        int shown = Math.min(agentId.length(), 64);
        for (int i = 0; i < shown; i++) {
            char c = agentId.charAt(i);
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.append(agentId.length() > shown ? "...'" : "'").toString();
    }
}
