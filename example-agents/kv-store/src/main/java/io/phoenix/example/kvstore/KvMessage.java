package io.phoenix.example.kvstore;

/**
 * A message to a kv-store agent, e.g. {@code {"op":"put","key":"a","value":{"x":1},"ttlMs":60000}},
 * {@code {"op":"get","key":"a"}}, {@code {"op":"delete","key":"a"}}, {@code {"op":"keys"}},
 * {@code {"op":"size"}}. The store sends itself {@code {"op":"expire","key":"a","revision":3}} when a
 * TTL runs out.
 *
 * @param op {@code put}, {@code get}, {@code delete}, {@code keys}, {@code size} or {@code expire}
 * @param key the key, for every op but {@code keys} and {@code size}
 * @param value for {@code put}: any JSON value but {@code null} (objects and arrays arrive as maps and
 *     lists)
 * @param ttlMs for {@code put}: how long the value lives, in milliseconds, or {@code null} for ever
 * @param revision for {@code expire}: the revision of the entry the timer was set for
 */
public record KvMessage(String op, String key, Object value, Long ttlMs, Long revision) {

    /**
     * @param key the key
     * @param value the value
     * @return a {@code put} without expiry
     */
    public static KvMessage put(String key, Object value) {
        return new KvMessage("put", key, value, null, null);
    }

    /**
     * @param key the key
     * @param value the value
     * @param ttlMs the time to live in milliseconds
     * @return a {@code put} that expires
     */
    public static KvMessage put(String key, Object value, long ttlMs) {
        return new KvMessage("put", key, value, ttlMs, null);
    }

    /**
     * @param key the key
     * @return a {@code get}
     */
    public static KvMessage get(String key) {
        return new KvMessage("get", key, null, null, null);
    }

    /**
     * @param key the key
     * @return a {@code delete}
     */
    public static KvMessage delete(String key) {
        return new KvMessage("delete", key, null, null, null);
    }

    /** @return a {@code keys} */
    public static KvMessage keys() {
        return new KvMessage("keys", null, null, null, null);
    }

    /** @return a {@code size} */
    public static KvMessage size() {
        return new KvMessage("size", null, null, null, null);
    }

    static KvMessage expire(String key, long revision) {
        return new KvMessage("expire", key, null, null, revision);
    }
}
