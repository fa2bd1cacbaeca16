package io.phoenix.runtime.core.internal.osgi;

import io.phoenix.runtime.core.internal.LocalRuntime;
import io.phoenix.runtime.spi.AgentDirectory;
import io.phoenix.runtime.spi.AgentPlacement;
import io.phoenix.runtime.spi.AgentTransport;
import io.phoenix.runtime.spi.StateStore;

/**
 * The four cluster services as they come and go; the runtime is attached to the cluster while all
 * four are present and detached as soon as one leaves. Not thread-safe: the component guards it.
 */
final class ClusterServices {

    AgentPlacement placement;
    AgentDirectory directory;
    StateStore store;
    AgentTransport transport;
    private boolean attached;

    void applyTo(LocalRuntime runtime) {
        if (runtime == null || attached || placement == null || directory == null || store == null
                || transport == null) {
            return;
        }
        runtime.attachCluster(placement, directory, store, transport);
        attached = true;
    }

    void remove(Object service, LocalRuntime runtime) {
        if (service == placement) {
            placement = null;
        } else if (service == directory) {
            directory = null;
        } else if (service == store) {
            store = null;
        } else if (service == transport) {
            transport = null;
        } else {
            return;
        }
        if (attached && runtime != null) {
            runtime.detachCluster();
        }
        attached = false;
    }
}
