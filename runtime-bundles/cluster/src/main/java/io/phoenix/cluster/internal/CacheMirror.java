package io.phoenix.cluster.internal;

import java.util.Map;
import java.util.function.BiConsumer;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.EventType;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cache.query.ContinuousQuery;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node-local copy of a small replicated cache, kept current by a continuous query, so that lookups on the hot path
 * read a plain map instead of the grid.
 */
final class CacheMirror {

    private static final Logger LOG = LoggerFactory.getLogger(CacheMirror.class);
    private static final int ATTEMPTS = 10;
    private static final long RETRY_MILLIS = 100;

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
        // A continuous query started while the topology changes (nodes joining as this one starts) can fail with
        // "affinity for too old topology version": transient, and fatal to the component activating if thrown.
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return tryStart(cache, copy, onChange);
            } catch (CacheException | IgniteException e) {
                last = e;
                LOG.debug("mirror of cache {} not started (attempt {}): {}", cache.getName(), attempt, e.toString());
                try {
                    Thread.sleep(RETRY_MILLIS * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw last;
    }

    private static QueryCursor<Cache.Entry<String, String>> tryStart(IgniteCache<String, String> cache,
                                                                     Map<String, String> copy,
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
        try {
            for (Cache.Entry<String, String> existing : cursor) {
                copy.put(existing.getKey(), existing.getValue());
            }
        } catch (RuntimeException e) {
            cursor.close();
            throw e;
        }
        return cursor;
    }
}
