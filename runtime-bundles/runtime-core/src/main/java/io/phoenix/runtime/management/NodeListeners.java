package io.phoenix.runtime.management;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The TCP listeners of this node's JVM as bound now (SSH, HTTP, JMX/RMI, the grid's discovery and communication, and
 * anything else), each compared with the node's configuration. An OSGi service of the runtime; it also logs them
 * once at start. Read from the operating system (Linux {@code /proc}); empty where that is not available.
 *
 * @since 1.5
 */
@ProviderType
public interface NodeListeners {

    /** @return the listening sockets, sorted by port */
    List<Listener> listeners();
}
