package io.edgeinfer.policy;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The configuration the policy reads, without Quarkus, so that tests can build it directly.
 *
 * @param bands the battery bands, in any order; one must start at level 0
 * @param chargingBand the band that applies while charging, or empty to use the battery level alone
 * @param batteryHysteresis how far, as a fraction of full charge, the level must move past a band boundary before
 *     the band changes
 * @param sloMillis the latency objective for the rolling percentile, in milliseconds
 * @param minLatencySamples requests the latency window must hold before latency drives a swap
 * @param latencyHysteresis the fraction below the SLO that the predicted latency of a higher-ranked variant must
 *     reach before it comes back, for example 0.2 for 80% of the SLO
 * @param maxQueueDepth waiting requests above which a faster variant takes over
 * @param minDwell the shortest time a variant serves before the policy replaces it; pins ignore it
 */
public record PolicySettings(
        List<BatteryBand> bands,
        Optional<String> chargingBand,
        double batteryHysteresis,
        double sloMillis,
        int minLatencySamples,
        double latencyHysteresis,
        int maxQueueDepth,
        Duration minDwell) {

    public PolicySettings {
        bands = bands.stream().sorted(Comparator.comparingDouble(BatteryBand::minLevel).reversed()).toList();
        if (bands.isEmpty() || bands.get(bands.size() - 1).minLevel() != 0) {
            throw new IllegalArgumentException("The battery bands " + bands.stream().map(BatteryBand::name).toList()
                    + " leave levels near 0 uncovered; give one band min-level 0");
        }
        if (chargingBand.isPresent() && bands.stream().noneMatch(b -> b.name().equals(chargingBand.get()))) {
            throw new IllegalArgumentException("The charging band " + chargingBand.get() + " is not one of the bands "
                    + bands.stream().map(BatteryBand::name).toList());
        }
    }

    /** Returns the band of that name. */
    public Optional<BatteryBand> band(String name) {
        return bands.stream().filter(b -> b.name().equals(name)).findFirst();
    }
}
