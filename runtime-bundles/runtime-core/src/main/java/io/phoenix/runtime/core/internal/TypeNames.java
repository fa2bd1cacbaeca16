package io.phoenix.runtime.core.internal;

import io.phoenix.agent.api.BadMessageException;

/** Validation of type names and agent ids, shared by every entry point. */
final class TypeNames {

    static final int MAX_ID_LENGTH = 256;

    private TypeNames() {
    }

    static String validate(String typeName) {
        if (typeName == null || typeName.isEmpty() || typeName.length() > 128) {
            throw new IllegalArgumentException("agent type name must be 1 to 128 characters, was " + typeName);
        }
        for (int i = 0; i < typeName.length(); i++) {
            char c = typeName.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
                throw new IllegalArgumentException("agent type name '" + typeName
                        + "' may only hold letters, digits, '-', '_' and '.'");
            }
        }
        return typeName;
    }

    static String validateId(String agentId) {
        if (agentId == null || agentId.isEmpty() || agentId.length() > MAX_ID_LENGTH) {
            throw new BadMessageException(agentId, "agent id must be 1 to " + MAX_ID_LENGTH + " characters");
        }
        for (int i = 0; i < agentId.length(); i++) {
            if (Character.isISOControl(agentId.charAt(i))) {
                throw new BadMessageException(agentId, "agent id must not contain control characters");
            }
        }
        return agentId;
    }
}
