package io.phoenix.grid.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands the static discovery list ({@code host}, {@code host:port}, {@code host:port1..port2}, IPv6 in
 * brackets) into single endpoints, as Ignite's static IP finder reads it — for checking the list early and for
 * {@link ForeignNodeProbe}.
 */
final class DiscoveryEndpoints {

    /** More endpoints than this in one entry is a typo, not a cluster. */
    private static final int MAX_RANGE = 1000;

    private DiscoveryEndpoints() {
    }

    /**
     * Expands one entry.
     *
     * @param entry {@code host}, {@code host:port} or {@code host:port1..port2}
     * @param defaultPort first port for an entry without one
     * @param defaultRange further ports for an entry without one
     * @return unresolved endpoints, in port order
     * @throws IllegalArgumentException if the entry cannot be read
     */
    static List<InetSocketAddress> parse(String entry, int defaultPort, int defaultRange) {
        String host = entry.trim();
        String ports = null;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + entry + "' lacks a closing ]");
            }
            if (close + 1 < host.length()) {
                if (host.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("'" + entry + "': expected :port after ]");
                }
                ports = host.substring(close + 2);
            }
            host = host.substring(1, close);
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0 && host.indexOf(':') == colon) {
                ports = host.substring(colon + 1);
                host = host.substring(0, colon);
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("'" + entry + "' has no host");
        }
        int first = defaultPort;
        int last = defaultPort + defaultRange;
        if (ports != null) {
            String[] bounds = ports.split("\\.\\.", -1);
            if (bounds.length > 2) {
                throw new IllegalArgumentException("'" + entry + "': ports must be port or port1..port2");
            }
            first = port(entry, bounds[0]);
            last = bounds.length == 2 ? port(entry, bounds[1]) : first;
            if (last < first || last - first > MAX_RANGE) {
                throw new IllegalArgumentException("'" + entry + "': port range must go up, by at most " + MAX_RANGE);
            }
        }
        List<InetSocketAddress> endpoints = new ArrayList<>(last - first + 1);
        for (int port = first; port <= last; port++) {
            endpoints.add(InetSocketAddress.createUnresolved(host, port));
        }
        return endpoints;
    }

    /**
     * Expands a whole list.
     *
     * @param entries entries as in {@link #parse}
     * @param defaultPort first port for entries without one
     * @param defaultRange further ports for entries without one
     * @return the endpoints, without duplicates, in list order
     */
    static List<InetSocketAddress> expand(List<String> entries, int defaultPort, int defaultRange) {
        List<InetSocketAddress> all = new ArrayList<>();
        for (String entry : entries) {
            for (InetSocketAddress endpoint : parse(entry, defaultPort, defaultRange)) {
                if (!all.contains(endpoint)) {
                    all.add(endpoint);
                }
            }
        }
        return all;
    }

    private static int port(String entry, String text) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("'" + entry + "': port " + port + " is not within 1..65535");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + entry + "': '" + text + "' is not a port", e);
        }
    }
}
