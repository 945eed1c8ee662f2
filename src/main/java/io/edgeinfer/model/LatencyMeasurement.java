package io.edgeinfer.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One latency figure for a variant, with the machine it was measured on.
 *
 * @param batchSize examples per call
 * @param medianMillis median wall time of one call, in milliseconds
 * @param p90Millis 90th percentile of one call, in milliseconds
 * @param runs timed calls after warm-up
 * @param machine a description of the CPU and OS, because a figure from another machine does not transfer
 * @param measuredAt ISO-8601 instant of the measurement
 */
@RegisterForReflection
public record LatencyMeasurement(
        int batchSize, double medianMillis, double p90Millis, int runs, String machine, String measuredAt) {
}
