package io.phoenix.runtime.core.internal;

import io.phoenix.runtime.management.RuntimeEvent;
import io.phoenix.runtime.management.RuntimeEventListener;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers runtime events to listeners on one thread of its own, so a slow listener never delays an
 * agent. The backlog is bounded; events beyond it are dropped, counted and logged (never silently).
 * When nobody listens, publishing costs nothing but a check.
 */
final class EventBus implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final String nodeId;
    private final Clock clock;
    private final BlockingQueue<RuntimeEvent> backlog;
    private final CopyOnWriteArrayList<RuntimeEventListener> listeners = new CopyOnWriteArrayList<>();
    private final LongAdder dropped = new LongAdder();
    private final Thread deliverer;
    private volatile boolean running = true;

    EventBus(String nodeId, Clock clock, int capacity) {
        this.nodeId = nodeId;
        this.clock = clock;
        this.backlog = new ArrayBlockingQueue<>(capacity);
        this.deliverer = new Thread(this::deliver, "phoenix-events");
        deliverer.setDaemon(true);
        deliverer.start();
    }

    void addListener(RuntimeEventListener listener) {
        listeners.add(listener);
    }

    void removeListener(RuntimeEventListener listener) {
        listeners.remove(listener);
    }

    long dropped() {
        return dropped.sum();
    }

    void publish(RuntimeEvent.Kind kind, String type, String agentId, Map<String, String> attributes) {
        if (listeners.isEmpty()) {
            return;
        }
        RuntimeEvent event = new RuntimeEvent(kind, clock.instant(), nodeId, type, agentId, attributes);
        if (!backlog.offer(event)) {
            dropped.increment();
            long total = dropped.sum();
            if (Long.bitCount(total) == 1) { // log at 1, 2, 4, 8, ... drops, not on every one
                LOG.warn("runtime event backlog full: {} events dropped so far (latest: {} {})", total, kind, agentId);
            }
        }
    }

    private void deliver() {
        while (running || !backlog.isEmpty()) {
            RuntimeEvent event;
            try {
                event = backlog.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (event == null) {
                continue;
            }
            for (RuntimeEventListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("runtime event listener {} failed on {}: {}", listener, event.kind(), e.toString());
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        deliverer.interrupt(); // do not wait out the poll timeout; undelivered events die with the runtime
        try {
            deliverer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
