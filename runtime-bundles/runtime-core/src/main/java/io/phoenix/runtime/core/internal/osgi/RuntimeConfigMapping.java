package io.phoenix.runtime.core.internal.osgi;

import io.phoenix.runtime.core.internal.RuntimeSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Maps {@link RuntimeConfig} plus {@code PHOENIX_*} environment overrides to runtime settings. */
final class RuntimeConfigMapping {

    private RuntimeConfigMapping() {
    }

    /**
     * Turns configuration plus environment overrides into settings.
     *
     * @param config the configuration
     * @param env the environment
     * @return the settings
     */
    static RuntimeSettings toSettings(RuntimeConfig config, Map<String, String> env) {
        String nodeId = text(env, "node.id", config.node_id());
        if (nodeId.isBlank()) {
            nodeId = System.getProperty("karaf.name", "phoenix");
        }
        return new RuntimeSettings(nodeId,
                (int) number(env, "dispatcher.threads", config.dispatcher_threads()),
                (int) number(env, "dispatcher.batch", config.dispatcher_batch()),
                Duration.ofMillis(number(env, "call.timeout.ms", config.call_timeout_ms())),
                (int) number(env, "message.max.bytes", config.message_max_bytes()),
                Duration.ofMillis(number(env, "passivation.sweep.ms", config.passivation_sweep_ms())),
                Duration.ofMillis(number(env, "upgrade.drain.ms", config.upgrade_drain_ms())),
                (int) number(env, "events.queue.capacity", config.events_queue_capacity()));
    }

    private static String text(Map<String, String> env, String key, String configured) {
        String value = env.get(envName(key));
        return value != null ? value.trim() : configured == null ? "" : configured.trim();
    }

    private static long number(Map<String, String> env, String key, long configured) {
        String value = env.get(envName(key));
        if (value == null || value.isBlank()) {
            return configured;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("environment variable " + envName(key) + " must be a number, was '"
                    + value + "'", e);
        }
    }

    private static String envName(String key) {
        return "PHOENIX_" + key.replace('.', '_').toUpperCase(Locale.ROOT);
    }
}
