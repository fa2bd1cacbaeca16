package io.phoenix.grid.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phoenix.grid.internal.ForeignNodeProbe.Finding;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForeignNodeProbeTest {

    @Test
    void otherProtocolAtOnceSameProtocolOnlyWhenItStaysAndMembersNever() {
        Map<Integer, Finding> answers = new HashMap<>(Map.of(1, Finding.OTHER_PROTOCOL, 2, Finding.SAME_PROTOCOL,
                3, Finding.SAME_PROTOCOL, 4, Finding.NOTHING));
        List<Integer> knocked = new ArrayList<>();
        ForeignNodeProbe probe = new ForeignNodeProbe(DiscoveryEndpoints.parse("127.0.0.1:1..4", 0, 0), endpoint -> {
            knocked.add(endpoint.getPort());
            return answers.get(endpoint.getPort());
        });

        assertEquals(Map.of("127.0.0.1:1", Finding.OTHER_PROTOCOL), probe.round(Set.of("127.0.0.1:3")));
        assertEquals(List.of(1, 2, 4), knocked, "members are never knocked on");
        // Port 2 answers the same protocol twice in a row: a separate cluster, not a node that is joining.
        answers.put(1, Finding.NOTHING);
        assertEquals(Map.of("127.0.0.1:2", Finding.SAME_PROTOCOL), probe.round(Set.of("127.0.0.1:3")));
        // Port 2 joined (now a member); port 3 left the cluster but keeps listening: reported on its 2nd round.
        assertEquals(Map.of(), probe.round(Set.of("127.0.0.1:2")));
        assertEquals(Map.of("127.0.0.1:3", Finding.SAME_PROTOCOL), probe.round(Set.of("127.0.0.1:2")));
    }

    @Test
    void knockTellsAClosingListenerFromAWaitingOneFromNone() throws Exception {
        try (ServerSocket closing = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                ServerSocket waiting = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread closer = acceptor(closing, true);
            Thread holder = acceptor(waiting, false);
            int unused;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                unused = s.getLocalPort();
            }
            assertEquals(Finding.OTHER_PROTOCOL, ForeignNodeProbe.knock(at(closing.getLocalPort()), 300, 500, null));
            assertEquals(Finding.SAME_PROTOCOL, ForeignNodeProbe.knock(at(waiting.getLocalPort()), 300, 500, null));
            assertEquals(Finding.NOTHING, ForeignNodeProbe.knock(at(unused), 300, 500, null));
            closer.interrupt();
            holder.interrupt();
        }
    }

    @Test
    void foreignMessagesSayWhatToDo() {
        String other = ForeignNodeWatch.message("127.0.0.1:47501", Finding.OTHER_PROTOCOL);
        assertTrue(other.contains("127.0.0.1:47501") && other.contains("another Ignite") && other.contains("same version"),
                other);
        String same = ForeignNodeWatch.message("127.0.0.1:47501", Finding.SAME_PROTOCOL);
        assertTrue(same.contains("separate cluster"), same);
    }

    private static InetSocketAddress at(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** Accepts connections; reads the 4-byte header, then closes (like an incompatible node) or holds on. */
    static Thread acceptor(ServerSocket server, boolean closeAfterHeader) {
        Thread thread = new Thread(() -> {
            List<Socket> held = new ArrayList<>();
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    socket.getInputStream().readNBytes(4);
                    if (closeAfterHeader) {
                        socket.close();
                    } else {
                        held.add(socket);
                    }
                } catch (IOException e) {
                    break;
                }
            }
            held.forEach(s -> {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            });
        }, "fake-listener-" + server.getLocalPort());
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
