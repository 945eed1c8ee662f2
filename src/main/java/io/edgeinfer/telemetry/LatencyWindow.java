package io.edgeinfer.telemetry;

import java.time.Duration;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Latency percentiles over a rolling window, kept as a ring of HdrHistogram buckets. Each bucket covers
 * {@code window / BUCKETS}, so a value leaves the window between {@code window - window / BUCKETS} and
 * {@code window} after it was recorded.
 *
 * <p>Values are stored in microseconds with 2 significant digits (1% resolution) up to one minute; longer values
 * count as one minute. Thread-safe: all methods lock the window, and recording costs well under a microsecond.
 */
public final class LatencyWindow {

    static final int BUCKETS = 6;
    private static final long MAX_MICROS = 60_000_000L;

    private final long bucketNanos;
    private final LongSupplier clock;
    private final Histogram[] buckets = new Histogram[BUCKETS];
    private final long[] bucketStarts = new long[BUCKETS];
    private final Histogram merged = new Histogram(MAX_MICROS, 2);

    /** @param clock returns the current time in nanoseconds, such as {@code System::nanoTime} */
    public LatencyWindow(Duration window, LongSupplier clock) {
        this.bucketNanos = Math.max(1, window.toNanos() / BUCKETS);
        this.clock = clock;
        for (int i = 0; i < BUCKETS; i++) {
            buckets[i] = new Histogram(MAX_MICROS, 2);
            bucketStarts[i] = Long.MIN_VALUE;
        }
    }

    /** Records one latency. */
    public synchronized void record(long nanos) {
        Histogram bucket = current();
        bucket.recordValue(Math.min(MAX_MICROS, Math.max(1, nanos / 1000)));
    }

    /** Returns the value at {@code percentile} (0 to 100) in milliseconds, or empty when the window is empty. */
    public synchronized OptionalDouble percentileMillis(double percentile) {
        Histogram all = mergeLive();
        if (all.getTotalCount() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(all.getValueAtPercentile(percentile) / 1000.0);
    }

    /** Returns how many values the window holds. */
    public synchronized long count() {
        return mergeLive().getTotalCount();
    }

    /** Forgets every value, for example after a swap, so that the window describes only the new variant. */
    public synchronized void reset() {
        for (int i = 0; i < BUCKETS; i++) {
            buckets[i].reset();
            bucketStarts[i] = Long.MIN_VALUE;
        }
    }

    private Histogram current() {
        long slot = Math.floorDiv(clock.getAsLong(), bucketNanos);
        int index = (int) Math.floorMod(slot, BUCKETS);
        if (bucketStarts[index] != slot) {
            buckets[index].reset();
            bucketStarts[index] = slot;
        }
        return buckets[index];
    }

    private Histogram mergeLive() {
        long slot = Math.floorDiv(clock.getAsLong(), bucketNanos);
        merged.reset();
        for (int i = 0; i < BUCKETS; i++) {
            if (bucketStarts[i] != Long.MIN_VALUE && slot - bucketStarts[i] < BUCKETS) {
                merged.add(buckets[i]);
            }
        }
        return merged;
    }
}
