package io.phoenix.grid.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.apache.ignite.internal.util.IgniteUtils;

/**
 * Finds what answers on this cluster's discovery addresses without being a member of it.
 *
 * <p>Why: a node of another Ignite version (2.18 against our 2.17, measured) cannot read our discovery
 * messages; it treats our addresses as dead and starts a cluster of its own, and neither side logs more than a
 * warning about an "unknown connection". So after joining, and then periodically, each node knocks on every
 * discovery address of its list that is not one of its members' discovery endpoints: it connects, sends the 4
 * byte header Ignite's discovery protocol starts with, and watches the answer.
 * <ul>
 *   <li>connection refused or no answer to the connect: nothing there;</li>
 *   <li>the connection is closed at once: the listener does not speak this node's discovery protocol — a node
 *       of another Ignite version (which logs "Unknown connection detected ... incompatible Ignite node?"),
 *       or another program. Reported at once;</li>
 *   <li>the connection stays open, waiting for the rest of a discovery message: an Ignite node of a compatible
 *       version that is not in this topology — a node still joining, or a separate cluster. Reported only when
 *       seen on two consecutive rounds, so that joining nodes are not reported.</li>
 * </ul>
 * With TLS on, the knock first completes a TLS handshake with this node's own key and trust stores, as a joining
 * member would; a listener with which that fails is reported at once. Ignite 2.17 nodes log nothing for a header
 * followed by a close. Not thread-safe: one caller, one round at a time.
 */
final class ForeignNodeProbe {

    /** What was found on one endpoint. */
    enum Finding {
        /** Nothing listens (or the connect timed out). */
        NOTHING,
        /** Something listens but closed the connection on the discovery header: another protocol. */
        OTHER_PROTOCOL,
        /** Something keeps the connection open after the header: this discovery protocol, not a member. */
        SAME_PROTOCOL,
        /**
         * With TLS on: something listens but the TLS handshake with this node's key and trust stores fails — a node
         * whose certificate is not signed by this cluster's CA (it cannot join), a node without TLS, or another
         * program.
         */
        NO_TLS_HANDSHAKE
    }

    /** How a probe reaches an endpoint; replaced in tests. */
    interface Knocker {
        /**
         * @param endpoint resolved endpoint
         * @return what answers there
         */
        Finding knock(InetSocketAddress endpoint);
    }

    private final List<InetSocketAddress> endpoints;
    private final Knocker knocker;
    /** host:port of endpoints seen answering the discovery protocol on the previous round. */
    private final Map<String, Integer> sameProtocolRounds = new HashMap<>();

    /**
     * @param endpoints this cluster's discovery addresses, unresolved
     * @param knocker how to probe one endpoint
     */
    ForeignNodeProbe(List<InetSocketAddress> endpoints, Knocker knocker) {
        this.endpoints = List.copyOf(endpoints);
        this.knocker = knocker;
    }

    /**
     * One round.
     *
     * @param members {@code ip:port} of the discovery endpoints of the current members, this node included
     * @return the foreign endpoints found, {@code host:port} → what they are, in list order
     */
    Map<String, Finding> round(Set<String> members) {
        Map<String, Finding> foreign = new LinkedHashMap<>();
        List<String> seenSame = new ArrayList<>();
        for (InetSocketAddress endpoint : endpoints) {
            String name = endpoint.getHostString() + ":" + endpoint.getPort();
            InetSocketAddress resolved = resolve(endpoint);
            if (resolved == null || isMember(resolved, members)) {
                continue;
            }
            Finding finding = knocker.knock(resolved);
            if (finding == Finding.OTHER_PROTOCOL || finding == Finding.NO_TLS_HANDSHAKE) {
                foreign.put(name, finding);
            } else if (finding == Finding.SAME_PROTOCOL) {
                seenSame.add(name);
                if (sameProtocolRounds.getOrDefault(name, 0) >= 1) {
                    foreign.put(name, finding);
                }
            }
        }
        sameProtocolRounds.keySet().retainAll(seenSame);
        for (String name : seenSame) {
            sameProtocolRounds.merge(name, 1, Integer::sum);
        }
        return foreign;
    }

    private static boolean isMember(InetSocketAddress endpoint, Set<String> members) {
        InetAddress address = endpoint.getAddress();
        if (members.contains(address.getHostAddress() + ":" + endpoint.getPort())) {
            return true;
        }
        // A member bound to the wildcard address listens on every local address.
        return (address.isLoopbackAddress() || isLocal(address))
                && (members.contains("0.0.0.0:" + endpoint.getPort()) || members.contains("0:0:0:0:0:0:0:0:" + endpoint.getPort()));
    }

    private static boolean isLocal(InetAddress address) {
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static InetSocketAddress resolve(InetSocketAddress endpoint) {
        try {
            return new InetSocketAddress(InetAddress.getByName(endpoint.getHostString()), endpoint.getPort());
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /**
     * The real knock over TCP.
     *
     * @param endpoint where
     * @param connectTimeoutMs how long a connect may take
     * @param answerTimeoutMs how long to watch the connection after the header (and the TLS handshake)
     * @param tls the cluster's TLS sockets, {@code null} when TLS is off
     * @return what answers there
     */
    static Finding knock(InetSocketAddress endpoint, int connectTimeoutMs, int answerTimeoutMs, SSLSocketFactory tls) {
        try (Socket plain = new Socket()) {
            try {
                plain.connect(endpoint, connectTimeoutMs);
            } catch (IOException e) {
                return Finding.NOTHING; // refused, unreachable, filtered
            }
            Socket socket = plain;
            if (tls != null) {
                try {
                    plain.setSoTimeout(answerTimeoutMs);
                    SSLSocket secure = (SSLSocket) tls.createSocket(plain, endpoint.getHostString(), endpoint.getPort(), true);
                    secure.startHandshake();
                    socket = secure;
                } catch (IOException e) {
                    return Finding.NO_TLS_HANDSHAKE;
                }
            }
            try {
                socket.setSoTimeout(answerTimeoutMs);
                socket.getOutputStream().write(IgniteUtils.IGNITE_HEADER);
                socket.getOutputStream().flush();
                InputStream in = socket.getInputStream();
                in.read();
                // Closed (-1) or any byte: an Ignite 2.17 node sends nothing before it has a whole message.
                return Finding.OTHER_PROTOCOL;
            } catch (SocketTimeoutException e) {
                return Finding.SAME_PROTOCOL;
            } catch (SSLException e) {
                return Finding.NO_TLS_HANDSHAKE; // TLS 1.3: the listener refused our certificate after the handshake
            } catch (IOException e) {
                return Finding.OTHER_PROTOCOL; // reset by the listener
            }
        } catch (IOException e) {
            return Finding.NOTHING; // the close failed; nothing to report
        }
    }
}
