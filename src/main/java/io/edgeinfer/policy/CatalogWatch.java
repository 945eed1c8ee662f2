package io.edgeinfer.policy;

import io.edgeinfer.model.Calibrations;
import io.edgeinfer.model.ModelCatalog;
import io.edgeinfer.model.ModelManager;
import io.edgeinfer.model.ModelVariant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Scans the models folder on the policy thread, and when the served model's variants change, reloads the
 * manager's catalog and calibrates the added or changed variants. Not thread-safe; the policy thread owns it.
 */
final class CatalogWatch {

    private static final Logger LOG = Logger.getLogger(CatalogWatch.class);

    private final ModelManager models;
    private final Calibrations calibrations;
    private final PolicySettings settings;
    private final Duration interval;
    private Instant nextScan = Instant.MIN;

    CatalogWatch(ModelManager models, Calibrations calibrations, PolicySettings settings, Duration interval) {
        this.models = models;
        this.calibrations = calibrations;
        this.settings = settings;
        this.interval = interval;
    }

    /**
     * Scans if the interval has passed or {@code force} is set.
     *
     * @return the names of variants that were added or whose files changed
     */
    List<String> scan(Instant now, boolean force) {
        if (!force && now.isBefore(nextScan)) {
            return List.of();
        }
        nextScan = now.plus(interval);
        ModelCatalog known = models.catalog();
        ModelCatalog scanned = ModelCatalog.scan(known.root());
        Map<String, Map<String, String>> before = fingerprint(known);
        Map<String, Map<String, String>> after = fingerprint(scanned);
        if (before.equals(after)) {
            return List.of();
        }

        List<String> changed = new ArrayList<>();
        after.forEach((name, files) -> {
            if (!files.equals(before.get(name))) {
                changed.add(name);
            }
        });
        LOG.infof("Variants of %s changed on disk: now %s, added or changed %s", models.defaultModel(),
                after.keySet(), changed);
        ModelCatalog reloaded = models.reloadCatalog();
        reloaded.problems().forEach(p -> LOG.warnf("Skipped %s: %s", p.dir(), p.message()));
        calibrations.calibrate(reloaded.variantsOf(models.defaultModel()), models::fitsBesideActive);
        warnAbsentNames();
        return changed;
    }

    /** Logs, once per band, the variant names a band lists that the catalog does not have. */
    void warnAbsentNames() {
        List<String> present = models.catalog().variantsOf(models.defaultModel()).stream()
                .map(v -> v.id().variant()).toList();
        for (BatteryBand band : settings.bands()) {
            List<String> absent = BandRanking.absent(band, present);
            if (absent.isEmpty()) {
                continue;
            }
            if (absent.size() == band.variants().size()) {
                LOG.warnf("Battery band %s lists variants %s, none of which is in the catalog; it ranks all variants"
                        + " by %s instead", band.name(), absent, band.prefer().name().toLowerCase(Locale.ROOT));
            } else {
                LOG.warnf("Battery band %s lists variants that are not in the catalog, which it skips: %s",
                        band.name(), absent);
            }
        }
    }

    private Map<String, Map<String, String>> fingerprint(ModelCatalog catalog) {
        Map<String, Map<String, String>> files = new TreeMap<>();
        for (ModelVariant variant : catalog.variantsOf(models.defaultModel())) {
            files.put(variant.id().variant(), variant.manifest().files());
        }
        return files;
    }
}
