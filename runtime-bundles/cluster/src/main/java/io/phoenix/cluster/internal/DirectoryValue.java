package io.phoenix.cluster.internal;

import io.phoenix.runtime.spi.AgentDirectory.DirectoryEntry;

/** The directory's value format: "type␟holder", an empty holder meaning none. Plain text, classloader-free. */
final class DirectoryValue {

    private static final char SEPARATOR = '\u001F';

    private DirectoryValue() {
    }

    static String encode(String agentType, String holder) {
        return agentType + SEPARATOR + (holder == null ? "" : holder);
    }

    static DirectoryEntry decode(String value) {
        int split = value.indexOf(SEPARATOR);
        if (split < 0) {
            throw new IllegalStateException("malformed directory entry: " + value);
        }
        String holder = value.substring(split + 1);
        return new DirectoryEntry(value.substring(0, split), holder.isEmpty() ? null : holder);
    }
}
