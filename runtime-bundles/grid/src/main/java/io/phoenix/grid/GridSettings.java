package io.phoenix.grid;

import java.time.Duration;
import java.util.Objects;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.cache.affinity.rendezvous.RendezvousAffinityFunction;
import org.apache.ignite.configuration.CacheConfiguration;

/**
 * The cluster-wide data settings of the grid node, from PID {@code io.phoenix.grid}, for the bundles that
 * create caches on it (the cluster bundle). Every node of one cluster should run with the same values.
 *
 * @param clusterName name of the cluster; nodes with another name are refused when they try to join
 * @param nodeId id of this node, also its Ignite consistent id and instance name
 * @param backups number of backup copies of each partition (0: none)
 * @param synchronous {@code true}: a write returns once the primary and all backups have it (Ignite
 *        {@code FULL_SYNC}); {@code false}: once the primary has it, backups follow asynchronously
 *        ({@code PRIMARY_SYNC})
 * @param partitions number of partitions of partitioned caches (affinity)
 * @param failureDetectionTimeout how long a silent (hung) node may stay in the topology before it is dropped
 */
public record GridSettings(String clusterName, String nodeId, int backups, boolean synchronous, int partitions,
        Duration failureDetectionTimeout) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if a name is blank, {@code backups} is negative, {@code partitions} is
     *         not within 1..65000 or the timeout is not positive
     * @throws NullPointerException if a reference is {@code null}
     */
    public GridSettings {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(failureDetectionTimeout, "failureDetectionTimeout");
        if (clusterName.isBlank() || nodeId.isBlank()) {
            throw new IllegalArgumentException("cluster name and node id must not be blank");
        }
        if (backups < 0) {
            throw new IllegalArgumentException("backups must be >= 0, was " + backups);
        }
        if (partitions < 1 || partitions > CacheConfiguration.MAX_PARTITIONS_COUNT) {
            throw new IllegalArgumentException("partitions must be within 1.."
                    + CacheConfiguration.MAX_PARTITIONS_COUNT + ", was " + partitions);
        }
        if (failureDetectionTimeout.isNegative() || failureDetectionTimeout.isZero()) {
            throw new IllegalArgumentException("failure detection timeout must be positive");
        }
    }

    /**
     * The Ignite write synchronization mode that {@link #synchronous()} stands for.
     *
     * @return {@code FULL_SYNC} or {@code PRIMARY_SYNC}
     */
    public CacheWriteSynchronizationMode writeSynchronizationMode() {
        return synchronous ? CacheWriteSynchronizationMode.FULL_SYNC : CacheWriteSynchronizationMode.PRIMARY_SYNC;
    }

    /**
     * A partitioned cache configuration with these settings: {@link #backups()} backups,
     * {@link #writeSynchronizationMode()}, and a rendezvous affinity over {@link #partitions()} partitions that
     * does not exclude neighbours (several nodes on one host may back each other up, as in a one-host cluster).
     * The caller may refine it (expiry, indexes) before creating the cache.
     *
     * @param <K> key type
     * @param <V> value type
     * @param name name of the cache
     * @return a new, mutable configuration
     */
    public <K, V> CacheConfiguration<K, V> cacheConfiguration(String name) {
        return new CacheConfiguration<K, V>(Objects.requireNonNull(name, "name"))
                .setCacheMode(CacheMode.PARTITIONED)
                .setBackups(backups)
                .setWriteSynchronizationMode(writeSynchronizationMode())
                .setAffinity(new RendezvousAffinityFunction(false, partitions));
    }
}
