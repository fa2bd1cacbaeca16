package io.phoenix.grid.internal;

import static io.phoenix.grid.internal.GridConfigMappingTest.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.ignite.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsConfigMappingTest {

    @TempDir
    Path base;

    @Test
    void offByDefaultWhateverTheOtherKeysSay() {
        assertSame(TlsSettings.OFF, TlsConfigMapping.toSettings(config(Map.of()), Map.of(), base));
        assertSame(TlsSettings.OFF, TlsConfigMapping.toSettings(config(Map.of("tls.keystore", "missing.p12")),
                Map.of(), base));
    }

    @Test
    void relativeStoresResolveAgainstTheBaseAndTheEnvironmentWins() throws IOException {
        Files.createDirectories(base.resolve("etc/tls"));
        Files.writeString(base.resolve("etc/tls/node.p12"), "x");
        Files.writeString(base.resolve("etc/tls/trust.p12"), "x");
        Map<String, String> env = new HashMap<>();
        env.put("PHOENIX_TLS_ENABLED", "true");
        env.put("PHOENIX_TLS_KEYSTORE_PASSWORD", " spaced secret ");
        env.put("PHOENIX_TLS_TRUSTSTORE", base.resolve("etc/tls/trust.p12").toString());
        TlsSettings tls = TlsConfigMapping.toSettings(config(Map.of("tls.keystore", "etc/tls/node.p12",
                "tls.keystore.password", "file secret", "tls.truststore", "elsewhere.p12",
                "tls.truststore.password", "trust secret", "tls.protocol", "TLSv1.2")), env, base);
        assertTrue(tls.enabled());
        assertEquals(base.resolve("etc/tls/node.p12").toAbsolutePath(), tls.keyStore());
        assertEquals(" spaced secret ", tls.keyStorePassword(), "passwords are taken as written");
        assertEquals(base.resolve("etc/tls/trust.p12").toAbsolutePath(), tls.trustStore());
        assertEquals("PKCS12", tls.keyStoreType());
        assertEquals("TLSv1.2", tls.protocol());
        assertFalse(tls.toString().contains("secret"), "passwords are never shown: " + tls);
        assertFalse(new NodeSettingsText(tls).text.contains("secret"));

        SslContextFactory factory = IgniteConfigFactory.sslContextFactory(tls);
        assertEquals(tls.keyStore().toString(), factory.getKeyStoreFilePath());
        assertEquals("TLSv1.2", factory.getProtocol());
    }

    @Test
    void aNodeReachableFromOtherHostsWithoutTlsIsToldSo() throws IOException {
        Files.writeString(base.resolve("store.p12"), "x");
        assertFalse(GridComponent.exposedWithoutTls(GridConfigMapping.toSettings(config(Map.of()), Map.of(), Map.of(), "1")));
        assertTrue(GridComponent.exposedWithoutTls(GridConfigMapping.toSettings(config(Map.of()),
                Map.of("PHOENIX_LOCAL_ADDRESS", "0.0.0.0"), Map.of(), "1")));
        assertFalse(GridComponent.exposedWithoutTls(GridConfigMapping.toSettings(config(Map.of("local.address", "0.0.0.0",
                "tls.enabled", true, "tls.keystore", "store.p12", "tls.keystore.password", "a", "tls.truststore",
                "store.p12", "tls.truststore.password", "b")), Map.of(), Map.of("karaf.base", base.toString()), "1")));
    }

    @Test
    void mistakesNameTheKey() throws IOException {
        Files.writeString(base.resolve("store.p12"), "x");
        Map<String, Object> good = Map.of("tls.enabled", true, "tls.keystore", "store.p12", "tls.keystore.password", "a",
                "tls.truststore", "store.p12", "tls.truststore.password", "b");
        assertMessage(with(good, "tls.keystore", ""), "tls.keystore", "must name a file");
        assertMessage(with(good, "tls.truststore", "nowhere.p12"), "tls.truststore", "names no readable file");
        assertMessage(with(good, "tls.keystore.password", ""), "tls.keystore.password", "must be set");
        assertMessage(with(good, "tls.truststore.type", "PEMFILE"), "tls.truststore.type", "PEMFILE");
        assertMessage(with(good, "tls.protocol", "SSLv9"), "tls.protocol", "SSLv9");
    }

    private void assertMessage(Map<String, Object> file, String key, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TlsConfigMapping.toSettings(config(file), Map.of(), base));
        assertTrue(e.getMessage().contains("key " + key + " (or environment variable "
                + GridConfigMapping.envName(key) + ")"), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertFalse(e.getMessage().contains("(a)") || e.getMessage().contains("'b'"), "no password in " + e.getMessage());
    }

    private static Map<String, Object> with(Map<String, Object> values, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(values);
        copy.put(key, value);
        return copy;
    }

    /** A NodeSettings around {@code tls}, as logged. */
    private static final class NodeSettingsText {
        final String text;

        NodeSettingsText(TlsSettings tls) {
            NodeSettings s = GridConfigMapping.toSettings(config(Map.of()), Map.of(), Map.of(), "1.0.0");
            text = new NodeSettings(s.grid(), s.localAddress(), s.discoveryAddresses(), s.discoveryPort(),
                    s.discoveryPortRange(), s.communicationPort(), s.communicationPortRange(), s.dataRegionMb(),
                    s.workDirectory(), s.phoenixVersion(), s.attributes(), s.quorumSize(), s.rejoinAfterSegmentation(),
                    tls).toString();
        }
    }
}
