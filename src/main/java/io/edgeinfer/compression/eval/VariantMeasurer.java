package io.edgeinfer.compression.eval;

import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.model.LatencyMeasurement;
import io.edgeinfer.model.LoadedModel;
import io.edgeinfer.model.MachineInfo;
import java.time.Instant;
import java.util.Arrays;

/**
 * Measures a loaded variant the way the runtime will run it: accuracy through its serving signature, and the
 * wall time of one signature call.
 */
public final class VariantMeasurer {

    private static final int ACCURACY_BATCH = 500;
    private static final int WARMUP_RUNS = 50;

    private VariantMeasurer() {
    }

    /** Returns top-1 accuracy on {@code data}, a fraction in [0, 1]. */
    public static double accuracy(LoadedModel model, Dataset data) {
        int pixels = data.pixelsPerImage();
        int classes = model.manifest().labels().size();
        int correct = 0;
        for (int start = 0; start < data.size(); start += ACCURACY_BATCH) {
            int size = Math.min(ACCURACY_BATCH, data.size() - start);
            float[] input = Arrays.copyOfRange(data.pixels(), start * pixels, (start + size) * pixels);
            float[] scores = model.run(input, size);
            for (int i = 0; i < size; i++) {
                if (argmax(scores, i * classes, classes) == data.labels()[start + i]) {
                    correct++;
                }
            }
        }
        return (double) correct / data.size();
    }

    /**
     * Times {@code runs} calls at {@code batchSize} after a warm-up, with real test images as input.
     *
     * <p>NOTE: the figure is for this machine only, and shared machines add noise. Compare variants measured in
     * one run rather than across runs.
     */
    public static LatencyMeasurement latency(LoadedModel model, Dataset data, int batchSize, int runs) {
        int pixels = data.pixelsPerImage();
        int examples = Math.min(batchSize, data.size());
        float[] input = Arrays.copyOf(data.pixels(), examples * pixels);
        for (int i = 0; i < WARMUP_RUNS; i++) {
            model.run(input, examples);
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            model.run(input, examples);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new LatencyMeasurement(examples, percentileMillis(nanos, 0.5), percentileMillis(nanos, 0.9), runs,
                MachineInfo.describe(), Instant.now().toString());
    }

    /** Returns the value at {@code fraction} of {@code sortedNanos}, in milliseconds rounded to the microsecond. */
    static double percentileMillis(long[] sortedNanos, double fraction) {
        int index = (int) Math.min(sortedNanos.length - 1, Math.floor(fraction * sortedNanos.length));
        return Math.round(sortedNanos[index] / 1e3) / 1e3;
    }

    private static int argmax(float[] scores, int offset, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (scores[offset + c] > scores[offset + best]) {
                best = c;
            }
        }
        return best;
    }
}
