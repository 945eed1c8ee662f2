package io.edgeinfer.policy;

import java.util.List;

/**
 * A range of battery levels and the variants it allows, best first.
 *
 * @param name the band's name in configuration and logs
 * @param minLevel the lowest battery level, as a fraction in [0, 1], at which the band applies. The band ends
 *     where the next band up begins.
 * @param variants the variant names the band allows, best first; names absent from the catalog are skipped
 * @param prefer how to rank the catalog's variants when none of {@code variants} is present
 */
public record BatteryBand(String name, double minLevel, List<String> variants, RankingPreference prefer) {

    public BatteryBand {
        if (!(minLevel >= 0 && minLevel <= 1)) {
            throw new IllegalArgumentException("Battery band " + name + " has min-level " + minLevel
                    + "; set a fraction from 0 to 1");
        }
        variants = List.copyOf(variants);
    }
}
