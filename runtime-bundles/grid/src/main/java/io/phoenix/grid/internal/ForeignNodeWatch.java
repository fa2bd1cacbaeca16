package io.phoenix.grid.internal;

import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.spi.discovery.tcp.internal.TcpDiscoveryNode;

/**
 * Turns rounds of {@link ForeignNodeProbe} against one running node into reports: a message when a foreign node
 * appears, another when it is gone, and the current list. One instance per start of the node; rounds run on one
 * thread (the runner's watch thread).
 */
final class ForeignNodeWatch {

    private final ForeignNodeProbe probe;
    /** Foreign endpoints reported, with their message. */
    private final Map<String, String> reported = new LinkedHashMap<>();
    private volatile List<String> foreign = List.of();
    private volatile boolean separateCluster;

    ForeignNodeWatch(ForeignNodeProbe probe) {
        this.probe = probe;
    }

    /** The foreign endpoints found by the last round, {@code host:port}. */
    List<String> foreign() {
        return foreign;
    }

    /**
     * One round against the current topology of {@code node}.
     *
     * @param node the running node
     * @param found told the message of each foreign endpoint found for the first time
     * @param gone told the address and the message of each reported endpoint that is gone
     */
    void round(Ignite node, Consumer<String> found, BiConsumer<String, String> gone) {
        Map<String, ForeignNodeProbe.Finding> now = probe.round(memberEndpoints(node));
        for (Map.Entry<String, ForeignNodeProbe.Finding> e : now.entrySet()) {
            if (!reported.containsKey(e.getKey())) {
                String message = message(e.getKey(), e.getValue());
                reported.put(e.getKey(), message);
                found.accept(message);
            }
        }
        for (Map.Entry<String, String> before : List.copyOf(reported.entrySet())) {
            if (!now.containsKey(before.getKey())) {
                reported.remove(before.getKey());
                gone.accept(before.getKey(), before.getValue());
            }
        }
        foreign = List.copyOf(now.keySet());
        separateCluster = now.containsValue(ForeignNodeProbe.Finding.SAME_PROTOCOL);
    }

    /** @return whether the last round found an Ignite node of this version outside the topology: another cluster */
    boolean separateClusterSeen() {
        return separateCluster;
    }

    /** {@code ip:port} of every discovery endpoint of the members of {@code node}'s cluster, itself included. */
    static Set<String> memberEndpoints(Ignite node) {
        Set<String> members = new HashSet<>();
        for (ClusterNode member : node.cluster().nodes()) {
            if (member instanceof TcpDiscoveryNode tcp) {
                for (InetSocketAddress address : tcp.socketAddresses()) {
                    members.add(address.getAddress().getHostAddress() + ":" + address.getPort());
                }
                for (String address : member.addresses()) {
                    members.add(address + ":" + tcp.discoveryPort());
                }
            }
        }
        return members;
    }

    /** The ERROR line for a foreign endpoint. */
    static String message(String address, ForeignNodeProbe.Finding finding) {
        if (finding == ForeignNodeProbe.Finding.NO_TLS_HANDSHAKE) {
            return "Phoenix grid: " + address + " is one of this cluster's discovery addresses and answers, but a TLS "
                    + "handshake with this cluster's certificates fails there: a node whose certificate is not signed by "
                    + "this cluster's CA or that does not trust it (it cannot join), a node without TLS, or another "
                    + "program.";
        }
        if (finding == ForeignNodeProbe.Finding.OTHER_PROTOCOL) {
            return "Phoenix grid: " + address + " is one of this cluster's discovery addresses and answers, but not "
                    + "with Ignite " + VersionCheck.localIgniteVersion() + "'s discovery protocol: most likely a node "
                    + "of another Ignite (and Phoenix) version, which runs as a separate cluster instead of joining "
                    + "this one (or another program uses the port). All nodes of a cluster must run the same version.";
        }
        return "Phoenix grid: an Ignite node listens at " + address + ", one of this cluster's discovery addresses, "
                + "but is not part of this cluster: a separate cluster (started apart, or split from this one).";
    }
}
