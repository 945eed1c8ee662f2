package io.edgeinfer.cli.demo;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One second of a scenario run.
 *
 * @param seconds the end of the second, counted from the start of the run
 * @param batteryLevel the battery level published last, as a fraction in [0, 1]
 * @param p99Millis the 99th percentile of publish-to-reply latency of the replies in this second, or NaN without
 *     replies
 * @param variant the variant that served most replies in this second, or null without replies
 */
@RegisterForReflection
public record TimelinePoint(double seconds, double batteryLevel, double p99Millis, String variant) {
}
