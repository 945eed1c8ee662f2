package io.edgeinfer.compression.eval;

import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.model.LatencyMeasurement;
import io.edgeinfer.model.LoadedModel;
import io.edgeinfer.model.ManifestIo;
import io.edgeinfer.model.Measurements;
import io.edgeinfer.model.ModelLoader;
import io.edgeinfer.model.ModelVariant;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Measures several variants in one run through the runtime's loader: accuracy on a test set, and latency at
 * batch 1 and 32 timed interleaved, so that the figures of different variants can be compared with each other.
 */
public final class VariantEvaluation {

    private static final Logger LOG = Logger.getLogger(VariantEvaluation.class);

    /** The batch sizes every variant is timed at. */
    public static final int[] BATCH_SIZES = {1, 32};

    /**
     * One variant's figures from this run.
     *
     * @param dataset the name of the test set
     * @param testExamples how many test examples the accuracy counts
     * @param accuracy top-1 accuracy on the test set, as a fraction
     * @param latency one measurement per batch size in {@link #BATCH_SIZES}
     */
    public record Result(ModelVariant variant, String dataset, int testExamples, double accuracy,
            List<LatencyMeasurement> latency) {
    }

    private VariantEvaluation() {
    }

    /**
     * Loads every variant, with checksums checked, and measures it.
     *
     * @param runs timed calls per variant and batch size
     * @param rounds slices the runs are interleaved in
     */
    public static List<Result> run(List<ModelVariant> variants, Dataset test, int runs, int rounds) {
        ModelLoader loader = new ModelLoader(true, 3);
        List<LoadedModel> models = new ArrayList<>();
        try {
            variants.forEach(variant -> models.add(loader.load(variant)));
            List<Double> accuracies = new ArrayList<>();
            for (LoadedModel model : models) {
                accuracies.add(VariantMeasurer.accuracy(model, test));
                LOG.infof("Accuracy of %s: %.4f", model.id(), accuracies.get(accuracies.size() - 1));
            }

            List<List<LatencyMeasurement>> latency = new ArrayList<>();
            models.forEach(model -> latency.add(new ArrayList<>()));
            long total = (long) runs * models.size() * BATCH_SIZES.length;
            try (StepProgress progress = new StepProgress("evaluate", total, " calls")) {
                for (int batch : BATCH_SIZES) {
                    List<LatencyMeasurement> measured = InterleavedLatency.measure(models, test, batch, runs, rounds,
                            progress);
                    for (int i = 0; i < models.size(); i++) {
                        latency.get(i).add(measured.get(i));
                    }
                }
            }

            List<Result> results = new ArrayList<>();
            for (int i = 0; i < models.size(); i++) {
                results.add(new Result(variants.get(i), test.name(), test.size(), accuracies.get(i),
                        latency.get(i)));
            }
            return results;
        } finally {
            models.forEach(LoadedModel::retire);
        }
    }

    /**
     * Writes a result's accuracy and latency into its variant's manifest, keeping the other measurements. The
     * SavedModel files, and so their checksums, are untouched.
     */
    public static void record(Result result) throws IOException {
        ModelVariant variant = result.variant();
        Measurements old = variant.manifest().measurements();
        Measurements updated = old == null
                ? new Measurements(result.dataset(), result.testExamples(), result.accuracy(), 0, 0, 0, null,
                        result.latency())
                : new Measurements(result.dataset(), result.testExamples(), result.accuracy(), old.parameters(),
                        old.macs(), old.fileBytes(), old.compressedBytes(), result.latency());
        ManifestIo.write(variant.dir(), variant.manifest().withMeasurements(updated));
    }
}
