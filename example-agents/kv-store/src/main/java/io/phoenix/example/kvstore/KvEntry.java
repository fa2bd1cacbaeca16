package io.phoenix.example.kvstore;

/**
 * One value of a kv-store agent.
 *
 * @param value the value: a string, number, boolean, or an unmodifiable map or list of those
 * @param revision the store revision that wrote it; a pending expiry timer names it, so a timer set
 *     for an older write of the same key does nothing
 * @param expiresAt when the value expires, in epoch milliseconds, or {@code null} if it does not
 */
public record KvEntry(Object value, long revision, Long expiresAt) {

    /**
     * Makes maps and lists in the value unmodifiable, also when the state was decoded by the runtime.
     *
     * @param value the value
     * @param revision the revision that wrote it
     * @param expiresAt the expiry time, or {@code null}
     */
    public KvEntry {
        value = Values.freeze(value);
    }

    /**
     * @param nowMillis the current time in epoch milliseconds
     * @return whether the value has expired at that time
     */
    boolean expiredAt(long nowMillis) {
        return expiresAt != null && expiresAt <= nowMillis;
    }
}
