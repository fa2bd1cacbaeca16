package io.phoenix.runtime.core.internal;

import io.phoenix.runtime.management.LatencySnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The latency of sampled messages of one agent type, from entering the mailbox until their turn ended. Lock-free
 * and allocation-free when recording; any thread may record and read. Buckets grow by about 25 % from 1 µs to 64 s
 * (1, 1.25, 1.6, 2, 2.5, 3.2, 4, 5, 6.4, 8 per decade): fine enough for percentiles, and a subset (1, 2.5, 5 per
 * decade) makes tidy Prometheus buckets.
 */
final class LatencyHistogram {

    /** On average one message in this many is timed; a power of two. */
    static final int SAMPLE_INTERVAL = 32;

    private static final long[] STEPS = {100, 125, 160, 200, 250, 320, 400, 500, 640, 800};
    /** Upper bounds in nanoseconds, ascending; values above the last land in one more, overflow bucket. */
    static final long[] UPPER_BOUNDS_NANOS = bounds(1_000, 64_000_000_000L);
    private static final List<Long> BOUNDS_LIST = Arrays.stream(UPPER_BOUNDS_NANOS).boxed().toList();

    private final AtomicLongArray buckets = new AtomicLongArray(UPPER_BOUNDS_NANOS.length + 1);
    private final AtomicLong sumNanos = new AtomicLong();
    private final AtomicLong maxNanos = new AtomicLong();

    /**
     * Decides whether a message is timed: a per-thread random draw, so senders share no counter.
     *
     * @param sampleMask the sample interval minus one
     * @return the current {@link System#nanoTime()} (never 0) for a sampled message, else 0
     */
    static long sampleStart(int sampleMask) {
        if ((ThreadLocalRandom.current().nextInt() & sampleMask) != 0) {
            return 0;
        }
        long now = System.nanoTime();
        return now == 0 ? 1 : now;
    }

    /** @param startNanos a non-zero value of {@link #sampleStart} */
    void recordSince(long startNanos) {
        record(System.nanoTime() - startNanos);
    }

    void record(long nanos) {
        long value = Math.max(0, nanos);
        // The bucket last: a snapshot reads the buckets first, so the maximum it reads covers every value counted.
        long max = maxNanos.get();
        while (value > max && !maxNanos.compareAndSet(max, value)) {
            max = maxNanos.get();
        }
        sumNanos.addAndGet(value);
        int found = Arrays.binarySearch(UPPER_BOUNDS_NANOS, value);
        buckets.incrementAndGet(found >= 0 ? found : -found - 1);
    }

    LatencySnapshot snapshot() {
        List<Long> counts = new ArrayList<>(buckets.length());
        long count = 0;
        for (int i = 0; i < buckets.length(); i++) {
            long n = buckets.get(i);
            counts.add(n);
            count += n;
        }
        return new LatencySnapshot(count, sumNanos.get(), maxNanos.get(), BOUNDS_LIST, counts);
    }

    /** @return an empty snapshot with this histogram's buckets, so sums over no types still have them */
    static LatencySnapshot emptySnapshot() {
        return new LatencyHistogram().snapshot();
    }

    private static long[] bounds(long from, long to) {
        List<Long> result = new ArrayList<>();
        for (long decade = from; ; decade *= 10) {
            for (long step : STEPS) {
                long bound = decade / 100 * step;
                if (bound > to) {
                    return result.stream().mapToLong(Long::longValue).toArray();
                }
                result.add(bound);
            }
        }
    }
}
