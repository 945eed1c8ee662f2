package io.edgeinfer.policy;

import java.time.Instant;
import java.util.List;

/**
 * The state of the device and the service at one moment: everything {@link SwapPolicy} reads.
 *
 * @param now the time of the snapshot
 * @param active the variant in service, or null when none is
 * @param activeSince when the active variant went into service
 * @param activeBand the band in force when the policy last chose or kept the active variant (see
 *     {@link SwapPolicy#heldBand}), or null if a pin or the start-up setting chose it
 * @param previousBand the band of the previous evaluation, for the battery hysteresis, or null at first
 * @param pinned the pinned variant, or null when the policy chooses
 * @param batteryLevel the charge as a fraction in [0, 1], or null when no reading has arrived
 * @param charging whether external power is connected
 * @param latencyMillis the rolling latency percentile named by the SLO, or null while the window is empty
 * @param latencySamples requests in the latency window
 * @param queueDepth requests waiting for a worker
 * @param candidates the variants that may be loaded now: in the catalog and not waiting out a retry backoff
 */
public record PolicySnapshot(
        Instant now,
        String active,
        Instant activeSince,
        String activeBand,
        String previousBand,
        String pinned,
        Double batteryLevel,
        boolean charging,
        Double latencyMillis,
        long latencySamples,
        int queueDepth,
        List<VariantStats> candidates) {
}
