package io.edgeinfer.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One line of the catalog listing: a variant's identity and measured facts.
 *
 * @param accuracy top-1 test accuracy as a fraction, or null when not measured
 * @param latency the latency figures from the manifest, each with the machine it was measured on
 * @param active whether this variant is serving in this process
 * @param notes the manifest's notes, or null when it has none
 * @param calibratedLatency the latency measured on this device by the runtime, or null before calibration
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VariantSummary(
        String model,
        String variant,
        List<String> techniques,
        String parent,
        Double accuracy,
        String dataset,
        long parameters,
        long macs,
        long fileBytes,
        Long compressedBytes,
        List<LatencyMeasurement> latency,
        boolean active,
        List<String> notes,
        LatencyMeasurement calibratedLatency) {

    /** Summarizes a catalog entry without a calibration. */
    public static VariantSummary of(ModelVariant variant, boolean active) {
        return of(variant, active, null);
    }

    /** Summarizes a catalog entry. */
    public static VariantSummary of(ModelVariant variant, boolean active, LatencyMeasurement calibratedLatency) {
        ModelManifest manifest = variant.manifest();
        Measurements measured = manifest.measurements();
        return new VariantSummary(manifest.model(), manifest.variant(), manifest.techniques(), manifest.parent(),
                measured == null ? null : measured.accuracy(),
                measured == null ? null : measured.dataset(),
                measured == null ? 0 : measured.parameters(),
                measured == null ? 0 : measured.macs(),
                measured == null ? 0 : measured.fileBytes(),
                measured == null ? null : measured.compressedBytes(),
                measured == null ? null : measured.latency(),
                active,
                manifest.notes(),
                calibratedLatency);
    }
}
