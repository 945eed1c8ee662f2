package io.edgeinfer.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns a band's list of variant names into the ordered variants that are present now. */
public final class BandRanking {

    private BandRanking() {
    }

    /**
     * Returns the band's named variants that are among {@code candidates}, in the band's order. When none of the
     * names is present, returns every candidate ordered by the band's {@link RankingPreference}, so that a band
     * written for variants that are not installed yet still works with the ones that are.
     */
    public static List<VariantStats> rank(BatteryBand band, List<VariantStats> candidates) {
        Map<String, VariantStats> byName = candidates.stream()
                .collect(Collectors.toMap(VariantStats::variant, Function.identity(), (a, b) -> a));
        List<VariantStats> named = new ArrayList<>();
        for (String name : band.variants()) {
            VariantStats stats = byName.get(name);
            if (stats != null && !named.contains(stats)) {
                named.add(stats);
            }
        }
        if (!named.isEmpty()) {
            return named;
        }
        return candidates.stream().sorted(order(band.prefer())).toList();
    }

    /** Returns the names a band lists that are not among {@code present}, for a warning. */
    public static List<String> absent(BatteryBand band, List<String> present) {
        return band.variants().stream().filter(name -> !present.contains(name)).toList();
    }

    private static Comparator<VariantStats> order(RankingPreference prefer) {
        Comparator<VariantStats> byName = Comparator.comparing(VariantStats::variant);
        return switch (prefer) {
            case ACCURACY -> Comparator.comparing((VariantStats v) -> v.accuracy() == null ? 1 : 0)
                    .thenComparing(v -> v.accuracy() == null ? 0 : -v.accuracy())
                    .thenComparing(byName);
            case LATENCY -> Comparator.comparing((VariantStats v) -> v.calibratedMillis() == null ? 1 : 0)
                    .thenComparing(v -> v.calibratedMillis() == null ? 0 : v.calibratedMillis())
                    .thenComparing(byName);
        };
    }
}
