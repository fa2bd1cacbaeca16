package io.phoenix.grid.internal;

import io.phoenix.grid.GridSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one start of the grid node needs: the exported {@link GridSettings} plus the addresses, ports,
 * memory and directory that only this bundle cares about. Equal settings mean no restart is needed.
 *
 * @param grid the settings other bundles see
 * @param localAddress address the sockets bind to
 * @param discoveryAddresses static discovery list, Ignite syntax ({@code host:port} or {@code host:p1..p2})
 * @param discoveryPort first discovery port tried
 * @param discoveryPortRange further discovery ports tried
 * @param communicationPort first communication port tried
 * @param communicationPortRange further communication ports tried
 * @param dataRegionMb maximum off-heap data region, in megabytes
 * @param workDirectory Ignite's work directory
 * @param phoenixVersion the Phoenix version this node announces and requires
 * @param attributes this node's attributes (placement policies select nodes by them)
 * @param quorumSize the fewest servers this node must see to serve agents (0: no quorum)
 * @param rejoinAfterSegmentation whether a segmented node restarts to rejoin
 * @param tls TLS of discovery and communication ({@link TlsSettings#OFF}: plain TCP)
 */
record NodeSettings(GridSettings grid, String localAddress, List<String> discoveryAddresses, int discoveryPort,
        int discoveryPortRange, int communicationPort, int communicationPortRange, long dataRegionMb,
        Path workDirectory, String phoenixVersion, Map<String, String> attributes, int quorumSize,
        boolean rejoinAfterSegmentation, TlsSettings tls) {

    NodeSettings {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(localAddress, "localAddress");
        discoveryAddresses = List.copyOf(discoveryAddresses);
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(phoenixVersion, "phoenixVersion");
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(tls, "tls");
    }

    /** @return the node id (shortcut) */
    String nodeId() {
        return grid.nodeId();
    }
}
