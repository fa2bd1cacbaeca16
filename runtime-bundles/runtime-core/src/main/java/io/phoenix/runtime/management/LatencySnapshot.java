package io.phoenix.runtime.management;

import java.util.ArrayList;
import java.util.List;

/**
 * A latency histogram as the runtime measured it, cumulative since the runtime started: bucket {@code i} counts
 * the values {@code v} with {@code upperBoundsNanos[i-1] < v <= upperBoundsNanos[i]}, and the last bucket (one more
 * than there are bounds) counts the values above the last bound. Percentiles are read from the buckets, so they are
 * as precise as the buckets are narrow (the runtime's are about 25 % wide), and never below the true value.
 *
 * @param count values recorded, the sum of {@code bucketCounts}
 * @param sumNanos the sum of the values recorded
 * @param maxNanos the largest value recorded (for a {@link #since difference}, an upper estimate)
 * @param upperBoundsNanos the buckets' upper bounds, ascending
 * @param bucketCounts values per bucket; one more entry than {@code upperBoundsNanos}
 * @since 1.4
 */
public record LatencySnapshot(long count, long sumNanos, long maxNanos, List<Long> upperBoundsNanos,
                              List<Long> bucketCounts) {

    private static final LatencySnapshot EMPTY = new LatencySnapshot(0, 0, 0, List.of(), List.of(0L));

    /** Copies the lists and checks that counts and buckets agree. */
    public LatencySnapshot {
        upperBoundsNanos = List.copyOf(upperBoundsNanos);
        bucketCounts = List.copyOf(bucketCounts);
        if (bucketCounts.size() != upperBoundsNanos.size() + 1) {
            throw new IllegalArgumentException("expected " + (upperBoundsNanos.size() + 1) + " bucket counts, got "
                    + bucketCounts.size());
        }
        long total = bucketCounts.stream().mapToLong(Long::longValue).sum();
        if (total != count) {
            throw new IllegalArgumentException("count " + count + " is not the sum of the buckets, " + total);
        }
    }

    /**
     * @return a snapshot with nothing recorded and no buckets
     */
    public static LatencySnapshot empty() {
        return EMPTY;
    }

    /**
     * The value at or below which at least the given fraction of the recorded values lie, as the upper bound of the
     * bucket it falls in (at most {@link #maxNanos}).
     *
     * @param quantile between 0 and 1, e.g. {@code 0.99}
     * @return nanoseconds; 0 if nothing was recorded
     */
    public long percentileNanos(double quantile) {
        if (quantile < 0 || quantile > 1) {
            throw new IllegalArgumentException("quantile must be within 0..1, was " + quantile);
        }
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * count));
        long seen = 0;
        for (int i = 0; i < upperBoundsNanos.size(); i++) {
            seen += bucketCounts.get(i);
            if (seen >= rank) {
                return Math.min(upperBoundsNanos.get(i), maxNanos);
            }
        }
        return maxNanos;
    }

    /**
     * @return the median, see {@link #percentileNanos}
     */
    public long p50Nanos() {
        return percentileNanos(0.5);
    }

    /**
     * @return the 90th percentile, see {@link #percentileNanos}
     */
    public long p90Nanos() {
        return percentileNanos(0.9);
    }

    /**
     * @return the 99th percentile, see {@link #percentileNanos}
     */
    public long p99Nanos() {
        return percentileNanos(0.99);
    }

    /**
     * Adds two histograms with the same buckets, e.g. of two agent types. An {@link #empty()} one adds nothing.
     *
     * @param other the other histogram
     * @return the sum
     * @throws IllegalArgumentException if both have buckets and they differ
     */
    public LatencySnapshot plus(LatencySnapshot other) {
        if (upperBoundsNanos.isEmpty() && count == 0) {
            return other;
        }
        if (other.upperBoundsNanos.isEmpty() && other.count == 0) {
            return this;
        }
        requireSameBuckets(other);
        List<Long> counts = new ArrayList<>(bucketCounts.size());
        for (int i = 0; i < bucketCounts.size(); i++) {
            counts.add(bucketCounts.get(i) + other.bucketCounts.get(i));
        }
        return new LatencySnapshot(count + other.count, sumNanos + other.sumNanos, Math.max(maxNanos, other.maxNanos),
                upperBoundsNanos, counts);
    }

    /**
     * What was recorded after an earlier snapshot of the same histogram, e.g. to show percentiles of the last few
     * seconds rather than since the start. The maximum of the difference is not known exactly: it is estimated as the
     * upper bound of the highest bucket that grew (at most this snapshot's maximum). If the earlier snapshot has
     * larger counts (the runtime restarted in between), this whole snapshot is returned.
     *
     * @param earlier an earlier snapshot of the same histogram
     * @return the difference
     * @throws IllegalArgumentException if both have buckets and they differ
     */
    public LatencySnapshot since(LatencySnapshot earlier) {
        if (earlier.upperBoundsNanos.isEmpty() && earlier.count == 0) {
            return this;
        }
        requireSameBuckets(earlier);
        List<Long> counts = new ArrayList<>(bucketCounts.size());
        long max = 0;
        for (int i = 0; i < bucketCounts.size(); i++) {
            long grown = bucketCounts.get(i) - earlier.bucketCounts.get(i);
            if (grown < 0) {
                return this;
            }
            if (grown > 0) {
                max = i < upperBoundsNanos.size() ? Math.min(upperBoundsNanos.get(i), maxNanos) : maxNanos;
            }
            counts.add(grown);
        }
        return new LatencySnapshot(count - earlier.count, Math.max(0, sumNanos - earlier.sumNanos), max,
                upperBoundsNanos, counts);
    }

    private void requireSameBuckets(LatencySnapshot other) {
        if (!upperBoundsNanos.equals(other.upperBoundsNanos)) {
            throw new IllegalArgumentException("histograms with different buckets");
        }
    }
}
