package io.phoenix.grid.internal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * TLS of the grid's discovery and communication: the node's key store (its private key and the certificate chain it
 * presents) and the trust store (the cluster's CA: the certificates a peer must be signed by). Ignite 2.17 requires
 * a client certificate on both its discovery and its communication server sockets whenever TLS is on, so a peer is
 * admitted only if it holds a key signed by a CA in this node's trust store, and it must trust ours in turn.
 *
 * <p>{@link #toString()} never shows the passwords, so settings can be logged.
 *
 * @param enabled whether TLS is on; when off, the other components are empty
 * @param keyStore absolute path of the key store
 * @param keyStorePassword its password (also the key's password, as {@code keytool} makes PKCS#12 stores)
 * @param keyStoreType {@code PKCS12} or {@code JKS}
 * @param trustStore absolute path of the trust store
 * @param trustStorePassword its password
 * @param trustStoreType {@code PKCS12} or {@code JKS}
 * @param protocol the {@code SSLContext} protocol, e.g. {@code TLSv1.3}
 */
record TlsSettings(boolean enabled, Path keyStore, String keyStorePassword, String keyStoreType, Path trustStore,
        String trustStorePassword, String trustStoreType, String protocol) {

    /** TLS off: plain TCP, as on a loopback-only node by default. */
    static final TlsSettings OFF = new TlsSettings(false, null, "", "", null, "", "", "");

    TlsSettings {
        Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
        if (enabled) {
            Objects.requireNonNull(keyStore, "keyStore");
            Objects.requireNonNull(trustStore, "trustStore");
        }
    }

    @Override
    public String toString() {
        return enabled
                ? "TLS " + protocol + " (mutual authentication), key store " + keyStore + " (" + keyStoreType
                        + "), trust store " + trustStore + " (" + trustStoreType + ")"
                : "no TLS";
    }
}
