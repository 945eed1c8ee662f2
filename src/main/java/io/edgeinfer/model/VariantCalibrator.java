package io.edgeinfer.model;

import java.time.Instant;
import java.util.Arrays;

/**
 * Measures a variant's latency on this device: load it, warm it up, then time single-example calls on zeros.
 *
 * <p>The variant is loaded beside whatever is in service and closed afterwards, so calibration needs memory for one
 * more variant. Requests that run at the same time slow both down, so a figure taken under load is pessimistic.
 */
public final class VariantCalibrator {

    private final ModelLoader loader;
    private final int warmupRuns;
    private final int runs;

    public VariantCalibrator(ModelLoader loader, int warmupRuns, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("Calibration needs at least 1 timed run, not " + runs
                    + "; raise edgeinfer.model.calibration-runs");
        }
        this.loader = loader;
        this.warmupRuns = warmupRuns;
        this.runs = runs;
    }

    /**
     * Loads, times and closes one variant.
     *
     * @throws ModelIntegrityException or {@link ModelLoadException} if the variant cannot be loaded
     */
    public LatencyMeasurement calibrate(ModelVariant variant) {
        LoadedModel model = loader.load(variant);
        try {
            float[] zeros = new float[variant.manifest().signature().input().elementsPerExample()];
            for (int i = 0; i < warmupRuns; i++) {
                model.run(zeros, 1);
            }
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                model.run(zeros, 1);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            return new LatencyMeasurement(1, millisAt(nanos, 0.5), millisAt(nanos, 0.9), runs,
                    MachineInfo.describe(), Instant.now().toString());
        } finally {
            model.retire();
        }
    }

    private static double millisAt(long[] sortedNanos, double fraction) {
        int index = (int) Math.min(sortedNanos.length - 1, Math.floor(fraction * sortedNanos.length));
        return Math.round(sortedNanos[index] / 1e3) / 1e3;
    }
}
