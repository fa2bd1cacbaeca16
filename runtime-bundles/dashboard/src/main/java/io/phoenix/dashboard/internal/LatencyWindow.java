package io.phoenix.dashboard.internal;

import io.phoenix.runtime.management.LatencySnapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the runtime's cumulative latency histograms into recent ones: percentiles since the start go stale, so the
 * dashboard shows those of the messages handled between an earlier poll and this one. The earlier poll is kept at
 * least {@link #MIN_WINDOW_MS} old, so several browsers polling at once still see windows of about one polling
 * interval (one browser: exactly its interval), not the few milliseconds between their requests.
 */
final class LatencyWindow {

    static final long MIN_WINDOW_MS = 1_000;

    /** The runtime's cumulative histograms at one moment (ms): node-wide and per type. */
    record Sample(long at, LatencySnapshot node, Map<String, LatencySnapshot> types) {
    }

    /** What was recorded during the last {@code millis}: node-wide and per type. */
    record Recent(long millis, LatencySnapshot node, Map<String, LatencySnapshot> types) {
    }

    private Sample baseline;
    private Sample latest;

    /**
     * @param current the runtime's cumulative histograms now
     * @return what was recorded since the baseline, or null while there is no baseline yet (the first poll)
     */
    synchronized Recent advance(Sample current) {
        if (latest == null || current.at() - latest.at() >= MIN_WINDOW_MS) {
            baseline = latest;
            latest = current;
        }
        if (baseline == null) {
            return null;
        }
        Map<String, LatencySnapshot> types = new LinkedHashMap<>();
        current.types().forEach((name, now) -> {
            LatencySnapshot before = baseline.types().get(name);
            types.put(name, before == null ? now : now.since(before));
        });
        return new Recent(current.at() - baseline.at(), current.node().since(baseline.node()), types);
    }
}
