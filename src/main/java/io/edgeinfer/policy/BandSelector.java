package io.edgeinfer.policy;

import java.util.List;

/**
 * Picks the battery band for a reading, with hysteresis: the previous band stays while the level is within
 * {@code batteryHysteresis} of its range, so a level that wobbles on a boundary does not flip the band.
 */
public final class BandSelector {

    private BandSelector() {
    }

    /**
     * Returns the band in force.
     *
     * <p>While charging, the charging band applies when one is configured. Without a battery reading the highest
     * band applies, because a board without a battery runs on external power.
     *
     * @param level the charge as a fraction in [0, 1], or null when unknown
     * @param previous the band of the previous evaluation, or null
     */
    public static BatteryBand select(PolicySettings settings, Double level, boolean charging, String previous) {
        List<BatteryBand> bands = settings.bands();
        if (charging && settings.chargingBand().isPresent()) {
            return settings.band(settings.chargingBand().get()).orElseThrow();
        }
        if (level == null) {
            return bands.get(0);
        }
        if (previous != null) {
            int index = indexOf(bands, previous);
            if (index >= 0 && withinHysteresis(bands, index, level, settings.batteryHysteresis())) {
                return bands.get(index);
            }
        }
        for (BatteryBand band : bands) {
            if (level >= band.minLevel()) {
                return band;
            }
        }
        return bands.get(bands.size() - 1);
    }

    /** Bands are sorted from the highest min-level down, so the band above index i is i - 1. */
    private static boolean withinHysteresis(List<BatteryBand> bands, int index, double level, double hysteresis) {
        double lower = bands.get(index).minLevel();
        double upper = index == 0 ? Double.POSITIVE_INFINITY : bands.get(index - 1).minLevel();
        boolean aboveFloor = lower == 0 || level >= lower - hysteresis;
        boolean belowCeiling = level < upper + hysteresis;
        return aboveFloor && belowCeiling;
    }

    private static int indexOf(List<BatteryBand> bands, String name) {
        for (int i = 0; i < bands.size(); i++) {
            if (bands.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
