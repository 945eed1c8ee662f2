package io.edgeinfer.compression.report;

import io.edgeinfer.model.LatencyMeasurement;
import io.edgeinfer.model.Measurements;
import io.edgeinfer.model.ModelManifest;
import io.edgeinfer.model.ModelVariant;
import java.util.List;

/**
 * One variant's line of the compression report, with its ratios to the baseline variant.
 *
 * @param accuracy top-1 test accuracy as a fraction, or NaN when not measured
 * @param compressedBytes gzip size of the SavedModel files, or 0 when not measured
 * @param batch1Millis median latency at batch 1, or NaN when not measured
 * @param batch32Millis median latency at batch 32, or NaN when not measured
 * @param machine the machine the latency was measured on, or null
 */
public record ReportRow(String variant, List<String> techniques, String parent, double accuracy, long parameters,
        long macs, long fileBytes, long compressedBytes, double batch1Millis, double batch32Millis, String machine,
        List<String> notes) {

    /** Reads a row from a variant's manifest. */
    public static ReportRow of(ModelVariant variant) {
        ModelManifest manifest = variant.manifest();
        Measurements measured = manifest.measurements();
        List<LatencyMeasurement> latency = measured == null || measured.latency() == null ? List.of()
                : measured.latency();
        return new ReportRow(manifest.variant(), manifest.techniques() == null ? List.of() : manifest.techniques(),
                manifest.parent(),
                measured == null || measured.accuracy() == null ? Double.NaN : measured.accuracy(),
                measured == null ? 0 : measured.parameters(),
                measured == null ? 0 : measured.macs(),
                measured == null ? 0 : measured.fileBytes(),
                measured == null || measured.compressedBytes() == null ? 0 : measured.compressedBytes(),
                median(latency, 1), median(latency, 32),
                latency.isEmpty() ? null : latency.get(0).machine(),
                manifest.notes() == null ? List.of() : manifest.notes());
    }

    /** Returns the accuracy change against {@code baseline}, in percentage points. */
    public double accuracyDeltaPoints(ReportRow baseline) {
        return (accuracy - baseline.accuracy) * 100;
    }

    /** Returns how many times smaller the gzipped files are than the baseline's. */
    public double compressionRatio(ReportRow baseline) {
        return (double) baseline.compressedBytes / compressedBytes;
    }

    /** Returns how many times smaller the files are than the baseline's. */
    public double fileRatio(ReportRow baseline) {
        return (double) baseline.fileBytes / fileBytes;
    }

    /** Returns how many times fewer MACs this variant needs than the baseline. */
    public double macRatio(ReportRow baseline) {
        return (double) baseline.macs / macs;
    }

    /** Returns how many times faster than the baseline the median is at batch 1 or 32. */
    public double speedup(ReportRow baseline, int batchSize) {
        return batchSize == 1 ? baseline.batch1Millis / batch1Millis : baseline.batch32Millis / batch32Millis;
    }

    private static double median(List<LatencyMeasurement> latency, int batchSize) {
        return latency.stream().filter(m -> m.batchSize() == batchSize).mapToDouble(LatencyMeasurement::medianMillis)
                .findFirst().orElse(Double.NaN);
    }
}
