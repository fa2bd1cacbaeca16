package io.phoenix.runtime.core.internal;

import java.time.Duration;

/**
 * The runtime's configuration as plain values, so the runtime can be built without OSGi (unit tests,
 * benchmarks, the testkit). The DS component fills it from the {@code io.phoenix.runtime.core} PID.
 *
 * @param nodeId the node's id
 * @param dispatcherThreads threads running agent turns
 * @param batchSize messages one agent handles in a row before yielding its thread
 * @param callTimeout the default call timeout for callers that choose none
 * @param maxMessageBytes the largest JSON message or state accepted from outside
 * @param passivationSweep how often idle agents are looked for
 * @param upgradeDrain how long a type switch waits for running turns
 * @param eventsQueueCapacity the event backlog bound
 */
public record RuntimeSettings(String nodeId, int dispatcherThreads, int batchSize, Duration callTimeout,
                              int maxMessageBytes, Duration passivationSweep, Duration upgradeDrain,
                              int eventsQueueCapacity) {

    /** Checks ranges and fills defaults for zero values. */
    public RuntimeSettings {
        if (nodeId == null || nodeId.isBlank()) {
            nodeId = "phoenix";
        }
        if (dispatcherThreads <= 0) {
            dispatcherThreads = Runtime.getRuntime().availableProcessors();
        }
        batchSize = Math.max(1, batchSize);
        maxMessageBytes = Math.max(1024, maxMessageBytes);
        eventsQueueCapacity = Math.max(16, eventsQueueCapacity);
    }

    /**
     * @param nodeId the node's id
     * @return the defaults documented in {@code io.phoenix.runtime.core.cfg}
     */
    public static RuntimeSettings defaults(String nodeId) {
        return new RuntimeSettings(nodeId, 0, 64, Duration.ofSeconds(5), 1 << 20, Duration.ofSeconds(5),
                Duration.ofSeconds(10), 10_000);
    }

    /**
     * @param sweep the new passivation sweep interval
     * @return a copy with it
     */
    public RuntimeSettings withPassivationSweep(Duration sweep) {
        return new RuntimeSettings(nodeId, dispatcherThreads, batchSize, callTimeout, maxMessageBytes, sweep,
                upgradeDrain, eventsQueueCapacity);
    }

    /**
     * @param threads the new dispatcher thread count
     * @return a copy with it
     */
    public RuntimeSettings withDispatcherThreads(int threads) {
        return new RuntimeSettings(nodeId, threads, batchSize, callTimeout, maxMessageBytes, passivationSweep,
                upgradeDrain, eventsQueueCapacity);
    }
}
