package io.edgeinfer.model;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * The latency of each variant as measured on this device, which the swap policy trusts instead of the figures in
 * the manifests, because those come from the machine that exported the variant.
 *
 * <p>Every variant of the served model is calibrated at start, before the first one goes into service, and again
 * whenever its files change. Results live in memory, in the gauge {@code edgeinfer.model.calibrated.latency} (the
 * median, in seconds) and in {@code GET /v1/models}. Thread-safe, but {@link #calibrate} runs one variant at a time.
 */
@ApplicationScoped
public class Calibrations {

    private static final Logger LOG = Logger.getLogger(Calibrations.class);

    /** After the embedded broker (800) and before the first variant goes into service (900). */
    private static final int STARTUP_PRIORITY = 850;

    private record Entry(Map<String, String> files, LatencyMeasurement latency) {
    }

    private final ModelConfig config;
    private final MeterRegistry registry;
    private final VariantCalibrator calibrator;
    private final Map<VariantId, Entry> entries = new ConcurrentHashMap<>();

    public Calibrations(ModelConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
        this.calibrator = new VariantCalibrator(new ModelLoader(config.verifyChecksums(), 1),
                config.calibrationWarmupRuns(), config.calibrationRuns());
    }

    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event, ModelManager models) {
        if (config.loadOnStart() && config.calibrateOnStart()) {
            calibrate(models.catalog().variantsOf(config.name()), variant -> true);
        }
    }

    /** Returns the calibrated latency of a variant, if it has one for its current files. */
    public Optional<LatencyMeasurement> of(VariantId id) {
        return Optional.ofNullable(entries.get(id)).map(Entry::latency);
    }

    /**
     * Calibrates each variant that has no calibration for its current files, and drops variants that are gone. A
     * variant that fails to load is logged and left uncalibrated.
     *
     * @param mayLoad returns whether a variant may be loaded now, for example whether memory allows it
     * @return the variants calibrated by this call
     */
    public synchronized List<VariantId> calibrate(List<ModelVariant> variants, Predicate<ModelVariant> mayLoad) {
        List<VariantId> present = variants.stream().map(ModelVariant::id).toList();
        entries.keySet().removeIf(id -> !present.contains(id));
        return variants.stream()
                .filter(v -> !isCurrent(v))
                .filter(v -> {
                    boolean allowed = mayLoad.test(v);
                    if (!allowed) {
                        LOG.warnf("Skipped calibrating variant %s: it does not fit in memory beside the active"
                                + " variant (edgeinfer.model.memory-budget-bytes); it is calibrated at the next start",
                                v.id());
                    }
                    return allowed;
                })
                .filter(this::calibrateOne)
                .map(ModelVariant::id)
                .toList();
    }

    private boolean isCurrent(ModelVariant variant) {
        Entry entry = entries.get(variant.id());
        return entry != null && entry.files().equals(variant.manifest().files());
    }

    private boolean calibrateOne(ModelVariant variant) {
        try {
            LatencyMeasurement latency = calibrator.calibrate(variant);
            entries.put(variant.id(), new Entry(variant.manifest().files(), latency));
            registerGauge(variant.id());
            LOG.infof("Calibrated variant %s on this device: median %.3f ms, p90 %.3f ms over %d runs",
                    variant.id(), latency.medianMillis(), latency.p90Millis(), latency.runs());
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Failed to calibrate variant %s: %s", variant.id(), e.getMessage());
            return false;
        }
    }

    private void registerGauge(VariantId id) {
        Gauge.builder("edgeinfer.model.calibrated.latency", this,
                        c -> c.of(id).map(m -> m.medianMillis() / 1000.0).orElse(Double.NaN))
                .description("Median latency of one model call measured on this device at calibration")
                .baseUnit("seconds")
                .tags("model", id.model(), "variant", id.variant())
                .register(registry);
    }
}
