package io.phoenix.runtime.listeners.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phoenix.runtime.management.Listener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListenersTest {

    private static final List<String> TCP = List.of(
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
            "   0: 0100007F:1FA6 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1001 1 0",
            "   1: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1002 1 0",
            "   2: 0100007F:1FA6 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 1003 1 0",
            "   3: 0100007F:0050 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 9999 1 0");

    @Test
    void listeningRowsOfThisProcessOnly() throws Exception {
        List<InetSocketAddress> sockets = ListeningSockets.parse(TCP, Set.of("1001", "1002", "1003"));
        assertEquals(List.of(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8102),
                new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 8080)), sockets);
    }

    @Test
    void ipv6AddressesAreDecodedWordByWord() throws Exception {
        assertEquals(InetAddress.getByName("::1"), ListeningSockets.address("00000000000000000000000001000000"));
    }

    @Test
    void socketsOfThisJvmAreFound() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<InetSocketAddress> sockets = ListeningSockets.of(Path.of("/proc/self"));
            assertTrue(sockets.contains(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort())),
                    sockets.toString());
        }
    }

    @Test
    void socketsAreNamedByTheirConfiguredEndpoint() throws Exception {
        Map<String, Map<String, Object>> config = Map.of(
                "org.apache.karaf.shell", Map.of("sshHost", "127.0.0.1", "sshPort", "8102"),
                "org.ops4j.pax.web", Map.of("org.osgi.service.http.port", 8182,
                        "org.ops4j.pax.web.listening.addresses", "127.0.0.1"),
                "org.apache.karaf.management", Map.of("rmiRegistryHost", "127.0.0.1", "rmiRegistryPort", "1100",
                        "rmiServerHost", "127.0.0.1", "rmiServerPort", "44445"));
        ConfiguredEndpoints endpoints = ConfiguredEndpoints.from(pid -> config.getOrDefault(pid, Map.of()),
                Map.of("PHOENIX_DISCOVERY_PORT", "47501", "PHOENIX_DISCOVERY_PORT_RANGE", "0")::get);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        InetAddress any = InetAddress.getByName("0.0.0.0");
        List<Listener> listeners = endpoints.classify(List.of(new InetSocketAddress(loopback, 8102),
                new InetSocketAddress(any, 8182), new InetSocketAddress(loopback, 47501),
                new InetSocketAddress(loopback, 47105), new InetSocketAddress(loopback, 47502),
                new InetSocketAddress(loopback, 44445)));
        assertEquals(List.of(new Listener("SSH", "127.0.0.1", 8102, true),
                new Listener("HTTP", "0.0.0.0", 8182, false),
                new Listener("JMX RMI server", "127.0.0.1", 44445, true),
                new Listener("grid communication", "127.0.0.1", 47105, true),
                new Listener("grid discovery", "127.0.0.1", 47501, true),
                new Listener(Listener.UNEXPECTED, "127.0.0.1", 47502, false)), listeners);
        assertFalse(endpoints.endpoints().stream().anyMatch(e -> e.name().equals("HTTPS")));
    }
}
