package io.edgeinfer.cli.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Collects battery levels and replies into one-second buckets. Not thread-safe; callers synchronize. */
final class TimelineRecorder {

    private static final class Bucket {
        double battery = Double.NaN;
        final Histogram latencyMicros = new Histogram(3_600_000_000L, 2);
        final Map<String, Integer> variants = new HashMap<>();
    }

    private final TreeMap<Integer, Bucket> buckets = new TreeMap<>();

    void battery(double seconds, double level) {
        bucket(seconds).battery = level;
    }

    void reply(double seconds, double latencyMillis, String variant) {
        Bucket bucket = bucket(seconds);
        bucket.latencyMicros.recordValue(Math.max(1, Math.round(latencyMillis * 1000)));
        bucket.variants.merge(variant, 1, Integer::sum);
    }

    private Bucket bucket(double seconds) {
        return buckets.computeIfAbsent((int) Math.floor(Math.max(0, seconds)), s -> new Bucket());
    }

    /** Returns one point per second; a second without a battery reading repeats the one before. */
    List<TimelinePoint> points() {
        List<TimelinePoint> points = new ArrayList<>();
        double battery = Double.NaN;
        for (Map.Entry<Integer, Bucket> entry : buckets.entrySet()) {
            Bucket bucket = entry.getValue();
            battery = Double.isNaN(bucket.battery) ? battery : bucket.battery;
            double p99 = bucket.latencyMicros.getTotalCount() == 0 ? Double.NaN
                    : bucket.latencyMicros.getValueAtPercentile(99) / 1000.0;
            String variant = bucket.variants.entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse(null);
            points.add(new TimelinePoint(entry.getKey() + 1, battery, p99, variant));
        }
        return points;
    }
}
