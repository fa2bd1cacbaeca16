package io.phoenix.runtime.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.phoenix.runtime.management.LatencySnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Buckets, percentile math, differences and sums of the latency histogram; no runtime. */
class LatencyHistogramTest {

    private static final long MICROS = 1_000;
    private static final long MILLIS = 1_000_000;

    @Test
    void bucketsGrowByAQuarterFromOneMicrosecondToSixtyFourSeconds() {
        long[] bounds = LatencyHistogram.UPPER_BOUNDS_NANOS;
        assertEquals(1_000, bounds[0]);
        assertEquals(64_000_000_000L, bounds[bounds.length - 1]);
        assertEquals(79, bounds.length);
        for (int i = 1; i < bounds.length; i++) {
            double growth = (double) bounds[i] / bounds[i - 1];
            assertTrue(growth > 1.2 && growth <= 1.28, bounds[i - 1] + " -> " + bounds[i]);
        }
        List<Long> list = LatencyHistogram.emptySnapshot().upperBoundsNanos();
        assertTrue(list.containsAll(List.of(2_500L, 5_000L, 10 * MICROS, 250 * MICROS, 5 * MILLIS, 50_000 * MILLIS)));
    }

    @Test
    void valuesLandInTheBucketWhoseUpperBoundTheyDoNotExceed() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(-5);               // clock went backwards: counted as 0
        histogram.record(1_000);            // exactly on the first bound
        histogram.record(1_001);            // just above it
        histogram.record(20 * MILLIS + 1);  // just above 20 ms: the 25 ms bucket
        histogram.record(100_000 * MILLIS); // 100 s: overflow
        List<Long> counts = histogram.snapshot().bucketCounts();
        List<Long> bounds = histogram.snapshot().upperBoundsNanos();
        assertEquals(2, counts.get(0));
        assertEquals(1, counts.get(1));
        assertEquals(1, counts.get(bounds.indexOf(25 * MILLIS)));
        assertEquals(1, counts.get(counts.size() - 1));
        assertEquals(5, histogram.snapshot().count());
        assertEquals(100_000 * MILLIS, histogram.snapshot().maxNanos());
    }

    @Test
    void percentilesAreTheUpperBoundOfTheBucketOfTheirRank() {
        LatencyHistogram histogram = new LatencyHistogram();
        record(histogram, 90, 10 * MICROS);
        record(histogram, 9, MILLIS);
        histogram.record(50 * MILLIS);
        LatencySnapshot s = histogram.snapshot();

        assertEquals(100, s.count());
        assertEquals(10 * MICROS, s.p50Nanos());
        assertEquals(10 * MICROS, s.p90Nanos(), "rank 90 is the last 10 µs value");
        assertEquals(MILLIS, s.percentileNanos(0.91));
        assertEquals(MILLIS, s.p99Nanos());
        assertEquals(50 * MILLIS, s.percentileNanos(1.0));
        assertEquals(10 * MICROS, s.percentileNanos(0.0), "the smallest value's bucket");
        assertEquals(90 * 10 * MICROS + 9 * MILLIS + 50 * MILLIS, s.sumNanos());
        assertThrows(IllegalArgumentException.class, () -> s.percentileNanos(1.5));
    }

    @Test
    void percentilesNeverExceedTheMaximumAndAreZeroWhenEmpty() {
        LatencyHistogram histogram = new LatencyHistogram();
        assertEquals(0, histogram.snapshot().p99Nanos());
        histogram.record(1_100); // bucket (1 µs, 1.25 µs]
        assertEquals(1_100, histogram.snapshot().p50Nanos());
        histogram.record(200_000 * MILLIS); // overflow bucket: reported as the maximum
        assertEquals(200_000 * MILLIS, histogram.snapshot().p99Nanos());
    }

    @Test
    void sinceGivesTheRecentWindowWithAnEstimatedMaximum() {
        LatencyHistogram histogram = new LatencyHistogram();
        record(histogram, 10, 80 * MILLIS);
        LatencySnapshot earlier = histogram.snapshot();
        record(histogram, 4, 2 * MICROS);
        LatencySnapshot window = histogram.snapshot().since(earlier);

        assertEquals(4, window.count());
        assertEquals(8 * MICROS, window.sumNanos());
        assertEquals(2 * MICROS, window.p99Nanos(), "the old slow values are not in the window");
        assertEquals(2 * MICROS, window.maxNanos());
        assertEquals(0, histogram.snapshot().since(histogram.snapshot()).count());
        assertSame(earlier, earlier.since(LatencySnapshot.empty()));
        assertSame(earlier, earlier.since(histogram.snapshot()), "counts went down: the runtime restarted");
    }

    @Test
    void plusAddsTypesAndEmptyAddsNothing() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        record(a, 3, 5 * MICROS);
        b.record(3 * MILLIS);
        LatencySnapshot sum = a.snapshot().plus(b.snapshot());
        assertEquals(4, sum.count());
        assertEquals(3 * MILLIS, sum.maxNanos());
        assertEquals(15 * MICROS + 3 * MILLIS, sum.sumNanos());
        assertEquals(sum, LatencySnapshot.empty().plus(sum));
        assertEquals(sum, sum.plus(LatencySnapshot.empty()));

        LatencySnapshot other = new LatencySnapshot(1, 5, 5, List.of(10L), List.of(1L, 0L));
        assertThrows(IllegalArgumentException.class, () -> sum.plus(other));
        assertThrows(IllegalArgumentException.class, () -> sum.since(other));
    }

    @Test
    void snapshotsCheckTheirShape() {
        assertThrows(IllegalArgumentException.class,
                () -> new LatencySnapshot(1, 5, 5, List.of(10L), List.of(1L)), "one count per bucket plus overflow");
        assertThrows(IllegalArgumentException.class,
                () -> new LatencySnapshot(2, 5, 5, List.of(10L), List.of(1L, 0L)), "count is the sum");
    }

    @Test
    void aboutOneDrawInTheIntervalIsSampledAndSampledStartsAreNeverZero() {
        int sampled = 0;
        int draws = 32_000;
        for (int i = 0; i < draws; i++) {
            if (LatencyHistogram.sampleStart(LatencyHistogram.SAMPLE_INTERVAL - 1) != 0) {
                sampled++;
            }
        }
        // expected 1,000, standard deviation ~31
        assertTrue(sampled > 800 && sampled < 1_200, "sampled " + sampled + " of " + draws);
        assertNotEquals(0, LatencyHistogram.sampleStart(0), "interval 1 times every message");
    }

    private static void record(LatencyHistogram histogram, int times, long nanos) {
        for (int i = 0; i < times; i++) {
            histogram.record(nanos);
        }
    }
}
