package io.phoenix.runtime.management;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives runtime events. Register implementations as OSGi services (whiteboard). Events are
 * delivered in order on one runtime thread, off the agents' hot path; a slow listener delays other
 * listeners but never an agent, and events beyond a bounded backlog are dropped and counted (see the
 * runtime log).
 */
@ConsumerType
public interface RuntimeEventListener {

    /**
     * @param event the event
     */
    void onEvent(RuntimeEvent event);
}
