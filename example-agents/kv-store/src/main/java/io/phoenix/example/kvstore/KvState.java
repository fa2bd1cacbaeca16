package io.phoenix.example.kvstore;

import java.util.HashMap;
import java.util.Map;

/**
 * The state of a kv-store agent. Immutable: every change makes a new state. Spawn with e.g.
 * {@code {"maxKeys":100}} to choose the bound; {@link KvStoreAgent#DEFAULT_MAX_KEYS} otherwise.
 *
 * <p>Expired entries stay here until their expiry timer removes them (or a full store needs their
 * room); reads already treat them as absent.
 *
 * @param maxKeys the most keys the store holds, 1 to {@link KvStoreAgent#MAX_MAX_KEYS}; 0 (or absent
 *     from the JSON) means {@link KvStoreAgent#DEFAULT_MAX_KEYS}
 * @param revision the revision of the last write, increasing with every {@code put}
 * @param entries the entries by key
 */
public record KvState(int maxKeys, long revision, Map<String, KvEntry> entries) {

    /**
     * Validates the bound and copies the entries.
     *
     * @param maxKeys the bound
     * @param revision the revision of the last write
     * @param entries the entries by key
     * @throws IllegalArgumentException if {@code maxKeys} is out of range
     */
    public KvState {
        if (maxKeys == 0) {
            maxKeys = KvStoreAgent.DEFAULT_MAX_KEYS;
        }
        if (maxKeys < 1 || maxKeys > KvStoreAgent.MAX_MAX_KEYS) {
            throw new IllegalArgumentException(
                    "maxKeys must be between 1 and " + KvStoreAgent.MAX_MAX_KEYS + ", was " + maxKeys);
        }
        entries = entries == null ? Map.of() : Map.copyOf(entries);
    }

    KvState with(String key, KvEntry entry) {
        Map<String, KvEntry> copy = new HashMap<>(entries);
        copy.put(key, entry);
        return new KvState(maxKeys, Math.max(revision, entry.revision()), copy);
    }

    KvState without(String key) {
        Map<String, KvEntry> copy = new HashMap<>(entries);
        copy.remove(key);
        return new KvState(maxKeys, revision, copy);
    }

    KvState withoutExpired(long nowMillis) {
        Map<String, KvEntry> copy = new HashMap<>(entries);
        copy.values().removeIf(e -> e.expiredAt(nowMillis));
        return copy.size() == entries.size() ? this : new KvState(maxKeys, revision, copy);
    }

    /**
     * @param key a key
     * @param nowMillis the current time
     * @return the entry, or {@code null} if absent or expired
     */
    KvEntry live(String key, long nowMillis) {
        KvEntry entry = entries.get(key);
        return entry == null || entry.expiredAt(nowMillis) ? null : entry;
    }
}
