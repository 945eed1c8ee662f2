package io.edgeinfer.policy;

import io.edgeinfer.inference.InferenceExecutor;
import io.edgeinfer.model.Calibrations;
import io.edgeinfer.model.LatencyMeasurement;
import io.edgeinfer.model.ModelManager;
import io.edgeinfer.model.ModelVariant;
import io.edgeinfer.telemetry.BatteryReading;
import io.edgeinfer.telemetry.BatteryState;
import io.edgeinfer.telemetry.LatencyStage;
import io.edgeinfer.telemetry.LatencyTelemetry;
import io.edgeinfer.telemetry.LatencyWindow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reads the telemetry, queue and catalog that make up the policy's inputs. Thread-safe. */
@ApplicationScoped
public class PolicyInputs {

    private final ModelManager models;
    private final Calibrations calibrations;
    private final BatteryState battery;
    private final LatencyTelemetry latency;
    private final InferenceExecutor executor;

    public PolicyInputs(ModelManager models, Calibrations calibrations, BatteryState battery,
            LatencyTelemetry latency, InferenceExecutor executor) {
        this.models = models;
        this.calibrations = calibrations;
        this.battery = battery;
        this.latency = latency;
        this.executor = executor;
    }

    /** Returns the battery reading in force, if any. */
    public Optional<BatteryReading> battery() {
        return battery.current();
    }

    /** Returns the end-to-end latency window that the SLO applies to. */
    public LatencyWindow endToEnd() {
        return latency.window(LatencyStage.END_TO_END);
    }

    /** Returns the latency percentile in milliseconds, or null while the window is empty. */
    public Double latencyMillis(double percentile) {
        OptionalDouble value = endToEnd().percentileMillis(percentile);
        return value.isPresent() ? value.getAsDouble() : null;
    }

    public int queueDepth() {
        return executor.queueDepth();
    }

    /** Returns the variants of the served model in the catalog, with their calibration and accuracy. */
    public List<VariantStats> variants() {
        return models.catalog().variantsOf(models.defaultModel()).stream().map(this::stats).toList();
    }

    private VariantStats stats(ModelVariant variant) {
        Double calibrated = calibrations.of(variant.id()).map(LatencyMeasurement::medianMillis).orElse(null);
        Double accuracy = variant.manifest().measurements() == null ? null
                : variant.manifest().measurements().accuracy();
        return new VariantStats(variant.id().variant(), calibrated, accuracy);
    }

    /** Empties the latency windows, so that they describe only the variant now in service. */
    public void resetLatency() {
        latency.reset();
    }
}
