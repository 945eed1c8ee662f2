package io.edgeinfer.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BandSelectorTest {

    private static final PolicySettings SETTINGS = new PolicySettings(
            List.of(new BatteryBand("low", 0.0, List.of(), RankingPreference.LATENCY),
                    new BatteryBand("high", 0.5, List.of(), RankingPreference.ACCURACY)),
            Optional.empty(), 0.05, 50, 10, 0.2, 8, Duration.ZERO);

    @Test
    void levelPicksBandWithoutHistory() {
        assertEquals("high", BandSelector.select(SETTINGS, 0.5, false, null).name());
        assertEquals("low", BandSelector.select(SETTINGS, 0.49, false, null).name());
    }

    @Test
    void drainAndRechargeSwitchOncePerDirection() {
        String band = null;
        int changes = 0;
        double[] levels = {0.60, 0.52, 0.50, 0.49, 0.51, 0.48, 0.46, 0.44, 0.47, 0.50, 0.53, 0.54, 0.56, 0.52};
        for (double level : levels) {
            String next = BandSelector.select(SETTINGS, level, false, band).name();
            changes += band != null && !band.equals(next) ? 1 : 0;
            band = next;
        }
        assertEquals(2, changes);
        assertEquals("high", band);
    }

    @Test
    void chargingWithoutChargingBandFollowsLevel() {
        assertEquals("low", BandSelector.select(SETTINGS, 0.1, true, null).name());
    }

    @Test
    void bandsMustCoverZero() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new PolicySettings(
                List.of(new BatteryBand("high", 0.5, List.of(), RankingPreference.ACCURACY)), Optional.empty(),
                0.05, 50, 10, 0.2, 8, Duration.ZERO));
        assertTrue(error.getMessage().contains("min-level 0"), error.getMessage());
    }

    @Test
    void absentNamesAreListed() {
        BatteryBand band = new BatteryBand("b", 0, List.of("pruned", "full", "distilled"), RankingPreference.ACCURACY);

        assertEquals(List.of("pruned", "distilled"), BandRanking.absent(band, List.of("full")));
    }

    @Test
    void latencyPreferenceRanksUncalibratedLast() {
        BatteryBand band = new BatteryBand("b", 0, List.of("absent"), RankingPreference.LATENCY);
        List<VariantStats> ranked = BandRanking.rank(band, List.of(new VariantStats("a", null, 0.9),
                new VariantStats("b", 3.0, 0.8), new VariantStats("c", 1.0, 0.7)));

        assertEquals(List.of("c", "b", "a"), ranked.stream().map(VariantStats::variant).toList());
    }
}
