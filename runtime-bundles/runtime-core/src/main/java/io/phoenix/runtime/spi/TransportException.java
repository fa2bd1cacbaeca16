package io.phoenix.runtime.spi;

/**
 * A transport could not carry a request or its reply. {@link #maybeDelivered()} tells whether the
 * target may have received (and acted on) it.
 */
public class TransportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean maybeDelivered;

    /**
     * @param message the description
     * @param maybeDelivered whether the request may have reached the target
     * @param cause the cause, or {@code null}
     */
    public TransportException(String message, boolean maybeDelivered, Throwable cause) {
        super(message, cause);
        this.maybeDelivered = maybeDelivered;
    }

    /**
     * @return {@code false} only when the request certainly did not reach the target
     */
    public boolean maybeDelivered() {
        return maybeDelivered;
    }
}
