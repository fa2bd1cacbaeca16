package io.phoenix.example.kvstore;

import java.util.List;

/** The replies of a kv-store agent, one record per operation. */
public final class KvReplies {

    private KvReplies() {
    }

    /**
     * Reply to {@code put}: {@code {"key":"a","revision":3,"created":true,"expiresAt":null}}.
     *
     * @param key the key
     * @param revision the revision of this write
     * @param created whether the key was absent (or expired) before
     * @param expiresAt when the value expires (epoch milliseconds), or {@code null}
     */
    public record Put(String key, long revision, boolean created, Long expiresAt) {
    }

    /**
     * Reply to {@code get}: {@code {"key":"a","found":true,"value":"x","expiresAt":null}}.
     *
     * @param key the key
     * @param found whether the key has a live value
     * @param value the value, or {@code null} if not found
     * @param expiresAt when the value expires (epoch milliseconds), or {@code null}
     */
    public record Value(String key, boolean found, Object value, Long expiresAt) {
    }

    /**
     * Reply to {@code delete}: {@code {"key":"a","deleted":true}}.
     *
     * @param key the key
     * @param deleted whether a live value was removed
     */
    public record Deleted(String key, boolean deleted) {
    }

    /**
     * Reply to {@code keys}: {@code {"keys":["a","b"]}}.
     *
     * @param keys the live keys, sorted
     */
    public record Keys(List<String> keys) {
    }

    /**
     * Reply to {@code size}: {@code {"size":2,"maxKeys":10000}}.
     *
     * @param size the number of live keys
     * @param maxKeys the store's bound
     */
    public record Size(int size, int maxKeys) {
    }
}
