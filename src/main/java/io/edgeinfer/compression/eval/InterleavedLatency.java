package io.edgeinfer.compression.eval;

import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.model.LatencyMeasurement;
import io.edgeinfer.model.LoadedModel;
import io.edgeinfer.model.MachineInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times several loaded variants in one run, interleaved: each round gives every variant an equal slice of calls,
 * and the order of variants turns from round to round. Load from other processes then falls on all variants
 * alike, so their ratios hold even on a busy machine where the absolute figures do not.
 */
public final class InterleavedLatency {

    private static final int WARMUP_RUNS = 50;

    private InterleavedLatency() {
    }

    /**
     * Times {@code runs} calls of each model at {@code batchSize}, with real test images as input.
     *
     * @param rounds how many slices the runs are split into
     * @return one measurement per model, in the order given
     */
    public static List<LatencyMeasurement> measure(List<LoadedModel> models, Dataset data, int batchSize, int runs,
            int rounds, StepProgress progress) {
        int examples = Math.min(batchSize, data.size());
        float[] input = Arrays.copyOf(data.pixels(), examples * data.pixelsPerImage());
        for (LoadedModel model : models) {
            for (int i = 0; i < WARMUP_RUNS; i++) {
                model.run(input, examples);
            }
        }

        long[][] nanos = new long[models.size()][runs];
        int perRound = Math.max(1, (runs + rounds - 1) / rounds);
        int round = 0;
        for (int done = 0; done < runs; done += perRound, round++) {
            int count = Math.min(perRound, runs - done);
            for (int k = 0; k < models.size(); k++) {
                int index = (k + round) % models.size();
                timeCalls(models.get(index), input, examples, nanos[index], done, count);
                progress.advance(count, "batch " + batchSize);
            }
        }

        String machine = MachineInfo.describe();
        String now = Instant.now().toString();
        List<LatencyMeasurement> measurements = new ArrayList<>();
        for (long[] samples : nanos) {
            Arrays.sort(samples);
            measurements.add(new LatencyMeasurement(examples, VariantMeasurer.percentileMillis(samples, 0.5),
                    VariantMeasurer.percentileMillis(samples, 0.9), runs, machine, now));
        }
        return measurements;
    }

    private static void timeCalls(LoadedModel model, float[] input, int examples, long[] nanos, int from, int count) {
        for (int i = from; i < from + count; i++) {
            long start = System.nanoTime();
            model.run(input, examples);
            nanos[i] = System.nanoTime() - start;
        }
    }
}
