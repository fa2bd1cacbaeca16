package io.phoenix.runtime.core.internal;

import io.phoenix.runtime.spi.AgentDirectory;
import java.util.Optional;

/**
 * Single-node directory: there are no other nodes, so the runtime's local table is the whole truth and
 * this directory neither claims nor finds anything beyond it.
 */
final class LocalDirectory implements AgentDirectory {

    @Override
    public boolean register(String agentId, DirectoryEntry entry) {
        return true;
    }

    @Override
    public Optional<DirectoryEntry> lookup(String agentId) {
        return Optional.empty();
    }

    @Override
    public void remove(String agentId) {
        // nothing is held beyond the local table
    }
}
