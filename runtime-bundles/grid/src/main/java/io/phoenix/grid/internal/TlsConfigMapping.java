package io.phoenix.grid.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The {@code tls.*} keys of {@link GridConfig} (plus their {@code PHOENIX_TLS_*} environment overrides) as
 * {@link TlsSettings}, checked so that a mistake is one message naming the key: a missing store file, an empty
 * password, an unknown store type or protocol. Passwords are taken as written (not trimmed) and never appear in
 * a message.
 */
final class TlsConfigMapping {

    private TlsConfigMapping() {
    }

    /**
     * @param config the configuration
     * @param env the environment
     * @param base the directory relative store paths are resolved against (the Karaf base directory)
     * @return the settings; {@link TlsSettings#OFF} when {@code tls.enabled} is false, whatever the other keys say
     * @throws IllegalArgumentException naming the key of a wrong value
     */
    static TlsSettings toSettings(GridConfig config, Map<String, String> env, Path base) {
        if (!GridConfigMapping.bool(env, "tls.enabled", config.tls_enabled())) {
            return TlsSettings.OFF;
        }
        return new TlsSettings(true,
                store(env, "tls.keystore", config.tls_keystore(), base),
                password(env, "tls.keystore.password", config.tls_keystore_password()),
                type(env, "tls.keystore.type", config.tls_keystore_type()),
                store(env, "tls.truststore", config.tls_truststore(), base),
                password(env, "tls.truststore.password", config.tls_truststore_password()),
                type(env, "tls.truststore.type", config.tls_truststore_type()),
                protocol(GridConfigMapping.text(env, "tls.protocol", config.tls_protocol())));
    }

    private static Path store(Map<String, String> env, String key, String configured, Path base) {
        String value = GridConfigMapping.text(env, key, configured);
        if (value.isEmpty()) {
            throw GridConfigMapping.invalid(key, "must name a file when tls.enabled is true");
        }
        Path path = base.resolve(Paths.get(value)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw GridConfigMapping.invalid(key, "names no readable file: " + path);
        }
        return path;
    }

    private static String password(Map<String, String> env, String key, String configured) {
        String value = env.get(GridConfigMapping.envName(key));
        String password = value != null && !value.isEmpty() ? value : configured == null ? "" : configured;
        if (password.isEmpty()) {
            throw GridConfigMapping.invalid(key, "must be set when tls.enabled is true");
        }
        return password;
    }

    private static String type(Map<String, String> env, String key, String configured) {
        String type = GridConfigMapping.text(env, key, configured);
        try {
            KeyStore.getInstance(type);
            return type;
        } catch (KeyStoreException | IllegalArgumentException e) {
            throw GridConfigMapping.invalid(key, "must be a key store type of this JVM (PKCS12, JKS), was '" + type + "'");
        }
    }

    private static String protocol(String protocol) {
        try {
            SSLContext.getInstance(protocol);
            return protocol;
        } catch (NoSuchAlgorithmException | IllegalArgumentException e) {
            throw GridConfigMapping.invalid("tls.protocol", "must be a TLS protocol of this JVM (TLSv1.3, TLSv1.2),"
                    + " was '" + protocol + "'");
        }
    }
}
