package io.phoenix.grid.internal;

import io.phoenix.grid.GridSettings;
import io.phoenix.grid.NodeAttributes;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps {@link GridConfig} plus {@code PHOENIX_*} environment overrides to {@link NodeSettings}, checking every
 * value so that a mistake is one clear message naming the key, not an Ignite stack trace. Same rule as the
 * runtime's configuration: the environment variable for key {@code a.b} is {@code PHOENIX_A_B} and wins over
 * the file. {@code node.id} thus shares {@code PHOENIX_NODE_ID} with the runtime, so one variable names the
 * node everywhere.
 */
final class GridConfigMapping {

    /** Largest data region accepted, in megabytes (1 TB): beyond it a typo is likelier than intent. */
    private static final long MAX_REGION_MB = 1L << 20;
    private static final long MIN_REGION_MB = 16;

    private GridConfigMapping() {
    }

    /**
     * Turns configuration plus environment overrides into settings.
     *
     * @param config the configuration
     * @param env the environment
     * @param system system properties ({@code karaf.name}, {@code karaf.data}, {@code karaf.base})
     * @param phoenixVersion the version of Phoenix this node runs
     * @return the settings
     * @throws IllegalArgumentException naming the key (and its environment variable) of a wrong value
     */
    static NodeSettings toSettings(GridConfig config, Map<String, String> env, Map<String, String> system,
            String phoenixVersion) {
        String nodeId = text(env, "node.id", config.node_id());
        if (nodeId.isEmpty()) {
            nodeId = system.getOrDefault("karaf.name", "phoenix");
        }
        String clusterName = text(env, "cluster.name", config.cluster_name());
        if (clusterName.isEmpty()) {
            throw invalid("cluster.name", "must not be empty");
        }
        String replication = text(env, "replication", config.replication()).toLowerCase(Locale.ROOT);
        if (!replication.equals("sync") && !replication.equals("async")) {
            throw invalid("replication", "must be sync or async, was '" + replication + "'");
        }
        long timeout = number(env, "failure.detection.timeout.ms", config.failure_detection_timeout_ms(), 100,
                Integer.MAX_VALUE);
        GridSettings grid = new GridSettings(clusterName, nodeId,
                (int) number(env, "backups", config.backups(), 0, 64),
                replication.equals("sync"),
                (int) number(env, "partitions", config.partitions(), 1, 65_000),
                Duration.ofMillis(timeout));

        String localAddress = text(env, "local.address", config.local_address());
        List<String> addresses = addresses(text(env, "discovery.addresses", config.discovery_addresses()));
        String work = text(env, "work.directory", config.work_directory());
        Path workDirectory = work.isEmpty()
                ? Paths.get(system.getOrDefault("karaf.data", "data"), "ignite")
                : Paths.get(work);
        return new NodeSettings(grid, localAddress, addresses,
                port(env, "discovery.port", config.discovery_port()),
                (int) number(env, "discovery.port.range", config.discovery_port_range(), 0, 1000),
                port(env, "communication.port", config.communication_port()),
                (int) number(env, "communication.port.range", config.communication_port_range(), 0, 1000),
                number(env, "data.region.size.mb", config.data_region_size_mb(), MIN_REGION_MB, MAX_REGION_MB),
                workDirectory.toAbsolutePath(), phoenixVersion,
                attributes(text(env, "node.attributes", config.node_attributes())),
                (int) number(env, "quorum.size", config.quorum_size(), 0, 1000),
                bool(env, "rejoin.after.segmentation", config.rejoin_after_segmentation()),
                TlsConfigMapping.toSettings(config, env, Paths.get(system.getOrDefault("karaf.base", ""))));
    }

    /** The environment variable that overrides {@code key}. */
    static String envName(String key) {
        return "PHOENIX_" + key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static List<String> addresses(String list) {
        List<String> addresses = new ArrayList<>();
        for (String address : list.split(",")) {
            String trimmed = address.trim();
            if (!trimmed.isEmpty()) {
                try {
                    DiscoveryEndpoints.parse(trimmed, 47500, 0);
                } catch (IllegalArgumentException e) {
                    throw invalid("discovery.addresses", e.getMessage());
                }
                addresses.add(trimmed);
            }
        }
        if (addresses.isEmpty()) {
            throw invalid("discovery.addresses", "must name at least one address (this node's own, for a single node)");
        }
        return addresses;
    }

    private static Map<String, String> attributes(String list) {
        Map<String, String> attributes = new TreeMap<>();
        for (String pair : list.split(",")) {
            String trimmed = pair.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            String key = equals < 0 ? trimmed : trimmed.substring(0, equals).trim();
            String value = equals < 0 ? "" : trimmed.substring(equals + 1).trim();
            if (!NodeAttributes.isValidKey(key) || value.isEmpty() || value.indexOf('=') >= 0) {
                throw invalid("node.attributes", "must be key=value pairs separated by commas (keys of letters, digits,"
                        + " '.', '_', '-'), was '" + trimmed + "'");
            }
            if (attributes.put(key, value) != null) {
                throw invalid("node.attributes", "names attribute '" + key + "' twice");
            }
        }
        return attributes;
    }

    static boolean bool(Map<String, String> env, String key, boolean configured) {
        String value = env.get(envName(key));
        if (value == null || value.isBlank()) {
            return configured;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, "must be true or false, was '" + value.trim() + "'");
        };
    }

    private static int port(Map<String, String> env, String key, int configured) {
        return (int) number(env, key, configured, 1, 65_535);
    }

    static String text(Map<String, String> env, String key, String configured) {
        String value = env.get(envName(key));
        return value != null ? value.trim() : configured == null ? "" : configured.trim();
    }

    private static long number(Map<String, String> env, String key, long configured, long min, long max) {
        String value = env.get(envName(key));
        long result = configured;
        if (value != null && !value.isBlank()) {
            try {
                result = Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw invalid(key, "must be a number, was '" + value.trim() + "'");
            }
        }
        if (result < min || result > max) {
            throw invalid(key, "must be within " + min + ".." + max + ", was " + result);
        }
        return result;
    }

    static IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException("grid configuration key " + key + " (or environment variable "
                + envName(key) + ") " + problem);
    }
}
