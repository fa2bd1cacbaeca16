package io.phoenix.runtime.listeners.internal;

import io.phoenix.runtime.management.Listener;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What this node is configured to listen on, from the configurations of the components that open the sockets
 * (as Configuration Admin delivers them, environment overrides such as {@code ORG_APACHE_KARAF_SHELL_SSHPORT}
 * applied), with each component's own defaults:
 * <ul>
 * <li>SSH: {@code org.apache.karaf.shell} {@code sshHost} (0.0.0.0), {@code sshPort} (8101);</li>
 * <li>HTTP/HTTPS: {@code org.ops4j.pax.web} {@code org.ops4j.pax.web.listening.addresses} (0.0.0.0),
 * {@code org.osgi.service.http.port} (8181) when {@code org.osgi.service.http.enabled}, and
 * {@code org.osgi.service.http.port.secure} (8443) when {@code org.osgi.service.http.secure.enabled};</li>
 * <li>JMX: {@code org.apache.karaf.management} {@code rmiRegistryHost}/{@code rmiRegistryPort} (1099) and
 * {@code rmiServerHost}/{@code rmiServerPort} (44444);</li>
 * <li>grid: {@code io.phoenix.grid} {@code local.address} (127.0.0.1), {@code discovery.port} (47500) +
 * {@code discovery.port.range} (9), {@code communication.port} (47100) + {@code communication.port.range} (9), each
 * overridden by its {@code PHOENIX_} environment variable as the grid does.</li>
 * </ul>
 */
final class ConfiguredEndpoints {

    /** One configured endpoint: its addresses (empty: every interface) and its port range. */
    record Endpoint(String name, List<InetAddress> addresses, int firstPort, int lastPort) {

        boolean covers(int port) {
            return port >= firstPort && port <= lastPort;
        }

        /** Whether a socket bound to {@code address} is what this endpoint is configured for. */
        boolean accepts(InetAddress address) {
            return addresses.isEmpty() ? address.isAnyLocalAddress() : addresses.contains(address);
        }

        String describe() {
            String where = addresses.isEmpty() ? "0.0.0.0"
                    : String.join(",", addresses.stream().map(InetAddress::getHostAddress).toList());
            return where + ":" + (firstPort == lastPort ? firstPort : firstPort + ".." + lastPort);
        }
    }

    private final List<Endpoint> endpoints;

    private ConfiguredEndpoints(List<Endpoint> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    /**
     * @param configuration a PID's properties as delivered (empty when there is no configuration)
     * @param environment the environment (for the grid's {@code PHOENIX_} overrides)
     */
    static ConfiguredEndpoints from(Function<String, Map<String, Object>> configuration,
                                    Function<String, String> environment) {
        List<Endpoint> list = new ArrayList<>();
        Map<String, Object> ssh = configuration.apply("org.apache.karaf.shell");
        list.add(endpoint("SSH", value(ssh, "sshHost", "0.0.0.0"), intValue(ssh, "sshPort", 8101), 0));
        Map<String, Object> web = configuration.apply("org.ops4j.pax.web");
        String webAddresses = value(web, "org.ops4j.pax.web.listening.addresses", "0.0.0.0");
        if (Boolean.parseBoolean(value(web, "org.osgi.service.http.enabled", "true"))) {
            list.add(endpoint("HTTP", webAddresses, intValue(web, "org.osgi.service.http.port", 8181), 0));
        }
        if (Boolean.parseBoolean(value(web, "org.osgi.service.http.secure.enabled", "false"))) {
            list.add(endpoint("HTTPS", webAddresses, intValue(web, "org.osgi.service.http.port.secure", 8443), 0));
        }
        Map<String, Object> jmx = configuration.apply("org.apache.karaf.management");
        list.add(endpoint("JMX RMI registry", value(jmx, "rmiRegistryHost", "0.0.0.0"),
                intValue(jmx, "rmiRegistryPort", 1099), 0));
        list.add(endpoint("JMX RMI server", value(jmx, "rmiServerHost", "0.0.0.0"),
                intValue(jmx, "rmiServerPort", 44444), 0));
        Map<String, Object> grid = configuration.apply("io.phoenix.grid");
        Function<String, String> gridValue = key -> Optional.ofNullable(environment.apply(
                "PHOENIX_" + key.toUpperCase().replace('.', '_'))).orElse(value(grid, key, null));
        String local = Optional.ofNullable(gridValue.apply("local.address")).orElse("127.0.0.1");
        list.add(endpoint("grid discovery", local, parse(gridValue.apply("discovery.port"), 47500),
                parse(gridValue.apply("discovery.port.range"), 9)));
        list.add(endpoint("grid communication", local, parse(gridValue.apply("communication.port"), 47100),
                parse(gridValue.apply("communication.port.range"), 9)));
        return new ConfiguredEndpoints(list);
    }

    List<Endpoint> endpoints() {
        return endpoints;
    }

    /** Names a bound socket after the endpoint whose port range holds its port, and says if it is as configured. */
    Listener classify(InetSocketAddress socket) {
        String address = socket.getAddress().getHostAddress();
        for (Endpoint e : endpoints) {
            if (e.covers(socket.getPort())) {
                return new Listener(e.name(), address, socket.getPort(), e.accepts(socket.getAddress()));
            }
        }
        return new Listener(Listener.UNEXPECTED, address, socket.getPort(), false);
    }

    /** Every socket, classified, sorted by port. */
    List<Listener> classify(List<InetSocketAddress> sockets) {
        return sockets.stream().map(this::classify).distinct()
                .sorted(Comparator.comparingInt(Listener::port).thenComparing(Listener::address)).toList();
    }

    private static Endpoint endpoint(String name, String addresses, int port, int range) {
        List<InetAddress> list = new ArrayList<>();
        for (String a : addresses.split(",")) {
            String host = a.trim();
            if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
                return new Endpoint(name, List.of(), port, port + Math.max(0, range));
            }
            try {
                list.add(InetAddress.getByName(host));
            } catch (UnknownHostException e) {
                // a name that does not resolve: nothing can be bound to it either
            }
        }
        return new Endpoint(name, list, port, port + Math.max(0, range));
    }

    private static String value(Map<String, Object> properties, String key, String fallback) {
        Object v = properties.get(key);
        return v == null || v.toString().isBlank() ? fallback : v.toString().trim();
    }

    private static int intValue(Map<String, Object> properties, String key, int fallback) {
        return parse(value(properties, key, null), fallback);
    }

    private static int parse(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
