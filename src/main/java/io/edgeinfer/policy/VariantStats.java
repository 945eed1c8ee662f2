package io.edgeinfer.policy;

/**
 * The facts the policy uses about one variant of the served model.
 *
 * @param variant the variant name
 * @param calibratedMillis median latency of one model call measured on this device, or null before calibration
 * @param accuracy test accuracy as a fraction from the manifest, or null when it records none
 */
public record VariantStats(String variant, Double calibratedMillis, Double accuracy) {
}
