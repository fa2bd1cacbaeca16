package io.phoenix.dashboard.internal;

import io.phoenix.runtime.management.RuntimeEvent;
import io.phoenix.runtime.management.RuntimeEventListener;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** Keeps the recent runtime events the dashboard shows (whiteboard listener); they live as long as the bundle. */
@Component(service = {RuntimeEventListener.class, EventRingComponent.class})
public final class EventRingComponent implements RuntimeEventListener {

    /** Events kept per ring (cluster/type events, and agent spawns/stops). */
    static final int CAPACITY = 100;

    private final EventRing ring = new EventRing(CAPACITY);

    @Override
    public void onEvent(RuntimeEvent event) {
        ring.add(event);
    }

    List<RuntimeEvent> recent(int limit) {
        return ring.recent(limit);
    }

    RuntimeEvent lastReplication() {
        return ring.lastReplication();
    }
}
