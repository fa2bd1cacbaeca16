package io.phoenix.cluster.internal;

import java.util.Map;
import java.util.function.BiConsumer;
import javax.cache.Cache;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.EventType;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.ContinuousQuery;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;

/**
 * A node-local copy of a small replicated cache, kept current by a continuous query, so that lookups on the hot path
 * read a plain map instead of the grid.
 */
final class CacheMirror {

    private CacheMirror() {
    }

    /**
     * @param cache the cache
     * @param copy the map to keep equal to it
     * @param onChange told of every key put or updated after the initial copy (key, new value); may be {@code null}
     * @return the query's cursor: close it to stop mirroring
     */
    static QueryCursor<Cache.Entry<String, String>> start(IgniteCache<String, String> cache, Map<String, String> copy,
                                                          BiConsumer<String, String> onChange) {
        ContinuousQuery<String, String> query = new ContinuousQuery<>();
        query.setInitialQuery(new ScanQuery<>());
        query.setLocalListener(events -> {
            for (CacheEntryEvent<? extends String, ? extends String> event : events) {
                if (event.getEventType() == EventType.REMOVED || event.getEventType() == EventType.EXPIRED) {
                    copy.remove(event.getKey());
                } else {
                    copy.put(event.getKey(), event.getValue());
                    if (onChange != null) {
                        onChange.accept(event.getKey(), event.getValue());
                    }
                }
            }
        });
        QueryCursor<Cache.Entry<String, String>> cursor = cache.query(query);
        for (Cache.Entry<String, String> existing : cursor) {
            copy.put(existing.getKey(), existing.getValue());
        }
        return cursor;
    }
}
