package io.edgeinfer.policy;

import java.util.List;
import java.util.Optional;

/**
 * Chooses the variant that fits the device now. A pure function of its inputs: the same settings and snapshot
 * always return the same decision, and it has no state, so it is safe from any thread.
 *
 * <p>The algorithm, in order:
 * <ol>
 *   <li>A pinned variant wins, whatever else holds, as long as it may be loaded.</li>
 *   <li>Otherwise, within {@code minDwell} of the last swap, nothing changes.</li>
 *   <li>The battery band (with hysteresis, see {@link BandSelector}) gives a ranking of the present variants.</li>
 *   <li>If the active variant is not in the ranking, the best-ranked variant predicted to meet the SLO takes
 *       over, or the fastest one if none is.</li>
 *   <li>If the latency percentile is above the SLO, or the queue is longer than allowed, the best-ranked variant
 *       faster than the active one takes over.</li>
 *   <li>If a variant ranked above the active one is predicted to stay below the SLO by the latency hysteresis,
 *       it takes over.</li>
 * </ol>
 *
 * <p>A variant's latency is predicted by scaling the observed percentile by the ratio of the two variants'
 * calibrated latencies. Without an observed percentile, the calibrated latency itself is compared with the SLO, and
 * a variant that is not calibrated yet is assumed to fit.
 */
public final class SwapPolicy {

    private SwapPolicy() {
    }

    /** Returns the variant to swap to, or empty to keep the active one. */
    public static Optional<SwapDecision> decide(PolicySettings settings, PolicySnapshot snapshot) {
        if (snapshot.pinned() != null) {
            return decidePinned(snapshot);
        }
        if (dwelling(settings, snapshot)) {
            return Optional.empty();
        }

        BatteryBand band = BandSelector.select(settings, snapshot.batteryLevel(), snapshot.charging(),
                snapshot.previousBand());
        List<VariantStats> ranking = BandRanking.rank(band, snapshot.candidates());
        if (ranking.isEmpty()) {
            return Optional.empty();
        }
        SwapReason bandReason = snapshot.charging() && settings.chargingBand().map(band.name()::equals).orElse(false)
                ? SwapReason.CHARGING : SwapReason.BATTERY;

        int activeIndex = indexOf(ranking, snapshot.active());
        if (activeIndex < 0) {
            VariantStats target = ranking.stream().filter(v -> fits(settings, snapshot, v, 0)).findFirst()
                    .orElse(fastest(ranking));
            return decision(snapshot, target, bandReason, band);
        }

        VariantStats active = ranking.get(activeIndex);
        boolean overSlo = latencyKnown(settings, snapshot) && snapshot.latencyMillis() > settings.sloMillis();
        boolean backlog = snapshot.queueDepth() > settings.maxQueueDepth();
        if (overSlo || backlog) {
            Optional<VariantStats> faster = ranking.stream()
                    .filter(v -> isFaster(v, active, ranking)).findFirst();
            return faster.flatMap(v -> decision(snapshot, v,
                    overSlo ? SwapReason.LATENCY_SLO : SwapReason.QUEUE_BACKLOG, band));
        }

        for (VariantStats better : ranking.subList(0, activeIndex)) {
            if (fits(settings, snapshot, better, settings.latencyHysteresis())) {
                SwapReason reason = band.name().equals(snapshot.activeBand())
                        ? SwapReason.LATENCY_HEADROOM : bandReason;
                return decision(snapshot, better, reason, band);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the band that keeps the active variant in service after {@code decision}. That is the decision's band
     * when it swaps, the current band when the policy looked and kept the active variant, and the snapshot's
     * {@code activeBand} when a pin or the dwell time kept the policy from looking. Callers pass it as the next
     * snapshot's {@code activeBand}, so that a later swap caused by a band change is not reported as a latency swap.
     */
    public static String heldBand(PolicySettings settings, PolicySnapshot snapshot, Optional<SwapDecision> decision) {
        if (decision.isPresent()) {
            return decision.get().band();
        }
        if (snapshot.pinned() != null || snapshot.active() == null || dwelling(settings, snapshot)) {
            return snapshot.activeBand();
        }
        return BandSelector.select(settings, snapshot.batteryLevel(), snapshot.charging(), snapshot.previousBand())
                .name();
    }

    private static boolean dwelling(PolicySettings settings, PolicySnapshot snapshot) {
        return snapshot.active() != null && snapshot.activeSince() != null
                && snapshot.now().isBefore(snapshot.activeSince().plus(settings.minDwell()));
    }

    private static Optional<SwapDecision> decidePinned(PolicySnapshot snapshot) {
        boolean loadable = snapshot.candidates().stream().anyMatch(v -> v.variant().equals(snapshot.pinned()));
        if (snapshot.pinned().equals(snapshot.active()) || !loadable) {
            return Optional.empty();
        }
        return Optional.of(new SwapDecision(snapshot.pinned(), SwapReason.PINNED, null));
    }

    private static Optional<SwapDecision> decision(PolicySnapshot snapshot, VariantStats target, SwapReason reason,
            BatteryBand band) {
        if (target.variant().equals(snapshot.active())) {
            return Optional.empty();
        }
        return Optional.of(new SwapDecision(target.variant(), reason, band.name()));
    }

    private static boolean latencyKnown(PolicySettings settings, PolicySnapshot snapshot) {
        return snapshot.latencyMillis() != null && snapshot.latencySamples() >= settings.minLatencySamples();
    }

    /**
     * Returns whether {@code candidate} is predicted to stay at or below {@code (1 - margin)} of the SLO.
     */
    private static boolean fits(PolicySettings settings, PolicySnapshot snapshot, VariantStats candidate,
            double margin) {
        double limit = settings.sloMillis() * (1 - margin);
        Double activeMillis = snapshot.candidates().stream().filter(v -> v.variant().equals(snapshot.active()))
                .findFirst().map(VariantStats::calibratedMillis).orElse(null);
        if (latencyKnown(settings, snapshot) && activeMillis != null && activeMillis > 0
                && candidate.calibratedMillis() != null) {
            return snapshot.latencyMillis() * candidate.calibratedMillis() / activeMillis <= limit;
        }
        if (candidate.calibratedMillis() != null) {
            return candidate.calibratedMillis() <= limit;
        }
        return true;
    }

    /** Faster by calibration when both are calibrated; otherwise ranked below the active variant. */
    private static boolean isFaster(VariantStats candidate, VariantStats active, List<VariantStats> ranking) {
        if (candidate == active) {
            return false;
        }
        if (candidate.calibratedMillis() != null && active.calibratedMillis() != null) {
            return candidate.calibratedMillis() < active.calibratedMillis();
        }
        return ranking.indexOf(candidate) > ranking.indexOf(active);
    }

    private static VariantStats fastest(List<VariantStats> ranking) {
        VariantStats best = ranking.get(ranking.size() - 1);
        for (VariantStats v : ranking) {
            if (v.calibratedMillis() != null
                    && (best.calibratedMillis() == null || v.calibratedMillis() < best.calibratedMillis())) {
                best = v;
            }
        }
        return best;
    }

    private static int indexOf(List<VariantStats> ranking, String variant) {
        for (int i = 0; i < ranking.size(); i++) {
            if (ranking.get(i).variant().equals(variant)) {
                return i;
            }
        }
        return -1;
    }
}
