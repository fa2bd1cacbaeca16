package io.phoenix.runtime.management;

/**
 * A TCP socket this node's JVM listens on, named by the endpoint configured for its port.
 *
 * @param name what listens there: {@code SSH}, {@code HTTP}, {@code HTTPS}, {@code JMX RMI registry}, {@code JMX RMI
 *     server}, {@code grid discovery}, {@code grid communication}; {@link #UNEXPECTED} for a port no endpoint of this
 *     node is configured for
 * @param address the address the socket is bound to ({@code 0.0.0.0}: every interface)
 * @param port the port
 * @param configured whether address and port are the ones this node's configuration asks for
 * @since 1.5
 */
public record Listener(String name, String address, int port, boolean configured) {

    /** The name of a listener on a port no endpoint is configured for. */
    public static final String UNEXPECTED = "unexpected";

    /** @return {@code address:port} */
    public String endpoint() {
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }
}
