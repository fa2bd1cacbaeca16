package io.phoenix.grid.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phoenix.grid.GridSettings;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.configuration.CacheConfiguration;
import org.junit.jupiter.api.Test;

class GridConfigMappingTest {

    private static final Map<String, String> KARAF = Map.of("karaf.name", "root", "karaf.data", "/opt/phoenix/data");

    @Test
    void defaultsGiveASingleLoopbackNodeNamedAfterKaraf() {
        NodeSettings s = GridConfigMapping.toSettings(config(Map.of()), Map.of(), KARAF, "1.0.0");
        GridSettings grid = s.grid();
        assertEquals("phoenix", grid.clusterName());
        assertEquals("root", grid.nodeId());
        assertEquals(1, grid.backups());
        assertTrue(grid.synchronous());
        assertEquals(1024, grid.partitions());
        assertEquals(Duration.ofMillis(3000), grid.failureDetectionTimeout());
        assertEquals("127.0.0.1", s.localAddress());
        assertEquals(List.of("127.0.0.1:47500..47509"), s.discoveryAddresses());
        assertEquals(47500, s.discoveryPort());
        assertEquals(9, s.discoveryPortRange());
        assertEquals(47100, s.communicationPort());
        assertEquals(9, s.communicationPortRange());
        assertEquals(128, s.dataRegionMb());
        assertEquals(Paths.get("/opt/phoenix/data", "ignite"), s.workDirectory());
        assertEquals("1.0.0", s.phoenixVersion());
    }

    @Test
    void fileValuesAreUsed() {
        NodeSettings s = GridConfigMapping.toSettings(config(Map.of("cluster.name", "blue", "node.id", "n1",
                "replication", "ASYNC", "backups", 2, "partitions", 256, "discovery.addresses",
                " 10.0.0.1:47500..47502 , 10.0.0.2 ", "work.directory", "/tmp/grid")), Map.of(), KARAF, "1.0.0");
        assertEquals("blue", s.grid().clusterName());
        assertEquals("n1", s.nodeId());
        assertFalse(s.grid().synchronous());
        assertEquals(2, s.grid().backups());
        assertEquals(256, s.grid().partitions());
        assertEquals(List.of("10.0.0.1:47500..47502", "10.0.0.2"), s.discoveryAddresses());
        assertEquals(Paths.get("/tmp/grid"), s.workDirectory());
    }

    @Test
    void environmentWinsOverTheFile() {
        Map<String, String> env = new HashMap<>();
        env.put("PHOENIX_NODE_ID", "phoenix-2");
        env.put("PHOENIX_DISCOVERY_PORT", "47502");
        env.put("PHOENIX_DISCOVERY_PORT_RANGE", "0");
        env.put("PHOENIX_COMMUNICATION_PORT", " 47102 ");
        env.put("PHOENIX_FAILURE_DETECTION_TIMEOUT_MS", "10000");
        env.put("PHOENIX_REPLICATION", "async");
        env.put("PHOENIX_DATA_REGION_SIZE_MB", "64");
        env.put("PHOENIX_DISCOVERY_ADDRESSES", "127.0.0.1:48500..48509");
        env.put("PHOENIX_LOCAL_ADDRESS", "127.0.0.2");
        NodeSettings s = GridConfigMapping.toSettings(config(Map.of("node.id", "from-file", "discovery.port", 47600)),
                env, KARAF, "1.0.0");
        assertEquals("phoenix-2", s.nodeId());
        assertEquals(47502, s.discoveryPort());
        assertEquals(0, s.discoveryPortRange());
        assertEquals(47102, s.communicationPort());
        assertEquals(Duration.ofSeconds(10), s.grid().failureDetectionTimeout());
        assertFalse(s.grid().synchronous());
        assertEquals(64, s.dataRegionMb());
        assertEquals(List.of("127.0.0.1:48500..48509"), s.discoveryAddresses());
        assertEquals("127.0.0.2", s.localAddress());
    }

    @Test
    void wrongValuesNameTheKeyAndItsVariable() {
        assertMessage(Map.of("replication", "maybe"), Map.of(), "replication", "PHOENIX_REPLICATION");
        assertMessage(Map.of(), Map.of("PHOENIX_BACKUPS", "one"), "backups", "must be a number");
        assertMessage(Map.of("backups", -1), Map.of(), "backups", "0..64");
        assertMessage(Map.of("partitions", 70000), Map.of(), "partitions", "1..65000");
        assertMessage(Map.of("discovery.port", 70000), Map.of(), "discovery.port", "PHOENIX_DISCOVERY_PORT");
        assertMessage(Map.of("discovery.addresses", " , "), Map.of(), "discovery.addresses", "at least one");
        assertMessage(Map.of("discovery.addresses", "host:47509..47500"), Map.of(), "discovery.addresses", "range");
        assertMessage(Map.of("discovery.addresses", "host:port"), Map.of(), "discovery.addresses", "not a port");
        assertMessage(Map.of("data.region.size.mb", 8), Map.of(), "data.region.size.mb", "16..");
        assertMessage(Map.of("failure.detection.timeout.ms", 0), Map.of(), "failure.detection.timeout.ms", "100..");
        assertMessage(Map.of("cluster.name", " "), Map.of(), "cluster.name", "empty");
        assertMessage(Map.of("node.attributes", "zone"), Map.of(), "node.attributes", "key=value");
        assertMessage(Map.of("node.attributes", "zone=a,zone=b"), Map.of(), "node.attributes", "twice");
        assertMessage(Map.of(), Map.of("PHOENIX_NODE_ATTRIBUTES", "a b=c"), "node.attributes", "key=value");
        assertMessage(Map.of("quorum.size", -1), Map.of(), "quorum.size", "0..1000");
        assertMessage(Map.of(), Map.of("PHOENIX_REJOIN_AFTER_SEGMENTATION", "maybe"), "rejoin.after.segmentation",
                "true or false");
    }

    @Test
    void quorumIsOffAndRejoiningOnByDefault() {
        NodeSettings defaults = GridConfigMapping.toSettings(config(Map.of()), Map.of(), KARAF, "1.0.0");
        assertEquals(0, defaults.quorumSize());
        assertEquals(true, defaults.rejoinAfterSegmentation());
        NodeSettings set = GridConfigMapping.toSettings(config(Map.of("quorum.size", 2)),
                Map.of("PHOENIX_REJOIN_AFTER_SEGMENTATION", "FALSE"), KARAF, "1.0.0");
        assertEquals(2, set.quorumSize());
        assertEquals(false, set.rejoinAfterSegmentation());
    }

    @Test
    void nodeAttributesAreParsedAndTheEnvironmentWins() {
        assertEquals(Map.of(), GridConfigMapping.toSettings(config(Map.of()), Map.of(), KARAF, "1.0.0").attributes());
        assertEquals(Map.of("zone", "eu-1", "role", "gpu"), GridConfigMapping.toSettings(
                config(Map.of("node.attributes", " zone=eu-1 , role = gpu,")), Map.of(), KARAF, "1.0.0").attributes());
        assertEquals(Map.of("rack", "7"), GridConfigMapping.toSettings(config(Map.of("node.attributes", "zone=a")),
                Map.of("PHOENIX_NODE_ATTRIBUTES", "rack=7"), KARAF, "1.0.0").attributes());
    }

    @Test
    void gridSettingsMakeCacheConfigurations() {
        GridSettings sync = new GridSettings("c", "n", 2, true, 128, Duration.ofSeconds(3));
        CacheConfiguration<String, byte[]> cache = sync.cacheConfiguration("agents");
        assertEquals("agents", cache.getName());
        assertEquals(CacheMode.PARTITIONED, cache.getCacheMode());
        assertEquals(2, cache.getBackups());
        assertEquals(CacheWriteSynchronizationMode.FULL_SYNC, cache.getWriteSynchronizationMode());
        assertEquals(128, cache.getAffinity().partitions());
        GridSettings async = new GridSettings("c", "n", 0, false, 1, Duration.ofSeconds(3));
        assertEquals(CacheWriteSynchronizationMode.PRIMARY_SYNC, async.cacheConfiguration("x").getWriteSynchronizationMode());
        assertThrows(IllegalArgumentException.class, () -> new GridSettings("c", "n", 0, true, 0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new GridSettings("c", " ", 0, true, 1, Duration.ofSeconds(1)));
    }

    private static void assertMessage(Map<String, Object> file, Map<String, String> env, String key, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GridConfigMapping.toSettings(config(file), env, KARAF, "1.0.0"));
        assertTrue(e.getMessage().contains("key " + key + " "), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    /**
     * A {@link GridConfig} as DS would make it from a dictionary: the given dotted keys, else the defaults.
     */
    static GridConfig config(Map<String, Object> values) {
        return (GridConfig) Proxy.newProxyInstance(GridConfig.class.getClassLoader(), new Class<?>[] {GridConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return GridConfig.class;
                    }
                    if (method.getDeclaringClass() == Object.class || method.getDeclaringClass() == Annotation.class) {
                        return method.getName().equals("toString") ? "GridConfig" + values : null;
                    }
                    Object value = values.get(method.getName().replace('_', '.'));
                    if (value == null) {
                        return method.getDefaultValue();
                    }
                    return method.getReturnType() == long.class ? ((Number) value).longValue() : value;
                });
    }
}
