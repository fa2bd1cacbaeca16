package io.phoenix.grid.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryEndpointsTest {

    @Test
    void readsTheFormsIgniteAccepts() {
        assertEquals(List.of(ep("127.0.0.1", 47500)), DiscoveryEndpoints.parse("127.0.0.1:47500", 1, 0));
        assertEquals(List.of(ep("h", 47500), ep("h", 47501), ep("h", 47502)),
                DiscoveryEndpoints.parse(" h:47500..47502 ", 1, 0));
        assertEquals(List.of(ep("h", 47600), ep("h", 47601)), DiscoveryEndpoints.parse("h", 47600, 1));
        assertEquals(List.of(ep("::1", 47500)), DiscoveryEndpoints.parse("[::1]:47500", 1, 0));
        assertEquals(List.of(ep("::1", 5)), DiscoveryEndpoints.parse("[::1]", 5, 0));
    }

    @Test
    void expandsAListWithoutDuplicates() {
        assertEquals(List.of(ep("a", 1), ep("a", 2), ep("b", 1)),
                DiscoveryEndpoints.expand(List.of("a:1..2", "a:2", "b:1"), 9, 0));
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThrows(IllegalArgumentException.class, () -> DiscoveryEndpoints.parse(":47500", 1, 0));
        assertThrows(IllegalArgumentException.class, () -> DiscoveryEndpoints.parse("h:0", 1, 0));
        assertThrows(IllegalArgumentException.class, () -> DiscoveryEndpoints.parse("h:2..1", 1, 0));
        assertThrows(IllegalArgumentException.class, () -> DiscoveryEndpoints.parse("h:1..2..3", 1, 0));
        assertThrows(IllegalArgumentException.class, () -> DiscoveryEndpoints.parse("h:1..5000", 1, 0));
        assertThrows(IllegalArgumentException.class, () -> DiscoveryEndpoints.parse("[::1", 1, 0));
    }

    private static InetSocketAddress ep(String host, int port) {
        return InetSocketAddress.createUnresolved(host, port);
    }
}
