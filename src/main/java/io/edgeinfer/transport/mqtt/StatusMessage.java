package io.edgeinfer.transport.mqtt;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.edgeinfer.policy.SwapFailure;
import io.edgeinfer.policy.SwapRecord;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The retained JSON on {@code <prefix>/<device>/status}. While the service runs, {@code state} is {@code online}.
 * When the service stops, it publishes {@link #offline}; when its connection drops without a clean disconnect, the
 * MQTT last will publishes the same.
 *
 * @param variant the variant in service, or null when none is
 * @param pinned the pinned variant, or null while the policy chooses
 * @param band the battery band in force
 * @param battery the battery reading in force, or null before the first one
 * @param latencyMillis percentiles of the rolling end-to-end latency window, or null while it is empty
 * @param cpuTemperatureCelsius the hottest thermal zone, or null when sysfs has none
 * @param lastSwap the last completed swap, with its reason, or null before the first
 * @param lastFailure the last swap whose target failed to load, or null
 * @param at when this message was built, as an ISO-8601 instant
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusMessage(String state, String device, String model, String variant, String pinned, String band,
        Battery battery, Latency latencyMillis, Double cpuTemperatureCelsius, SwapRecord lastSwap,
        SwapFailure lastFailure, String at) {

    /** Returns the retained payload for a device that is not serving: {@code {"state":"offline","device":"<id>"}}. */
    public static String offline(String device) {
        return "{\"state\":\"offline\",\"device\":\"" + device + "\"}";
    }

    /** The battery reading: level as a fraction in [0, 1], and its source ({@code mqtt} or {@code sysfs}). */
    @RegisterForReflection
    public record Battery(double level, boolean charging, String source) {
    }

    /** Latency percentiles in milliseconds over the window, and the requests in it. */
    @RegisterForReflection
    public record Latency(double p50, double p95, double p99, long samples) {
    }
}
