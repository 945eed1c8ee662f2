package io.edgeinfer.compression.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.compression.arch.Activation;
import io.edgeinfer.compression.arch.Initializer;
import io.edgeinfer.compression.arch.LayerSpec;
import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.data.FashionMnist;
import io.edgeinfer.compression.export.VariantDraft;
import io.edgeinfer.compression.export.VariantExporter;
import io.edgeinfer.compression.export.VariantReader;
import io.edgeinfer.compression.prune.FilterPruning;
import io.edgeinfer.compression.prune.MagnitudeMask;
import io.edgeinfer.compression.prune.MagnitudePruning;
import io.edgeinfer.compression.quant.Int8ComputePlanner;
import io.edgeinfer.compression.quant.LayerPlan;
import io.edgeinfer.compression.quant.Precision;
import io.edgeinfer.compression.quant.QuantizedModelWriter;
import io.edgeinfer.compression.train.Trainer;
import io.edgeinfer.compression.train.TrainingConfig;
import io.edgeinfer.model.ModelCatalog;
import io.edgeinfer.model.ModelManifest;
import io.edgeinfer.model.ModelVariant;
import io.edgeinfer.model.Preprocessing;
import io.edgeinfer.model.Provenance;
import io.edgeinfer.model.VariantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains a small CNN on a slice of Fashion-MNIST, derives every pruned and quantized variant from it, and checks
 * that the runtime loads and serves each one within its accuracy bound against the parent.
 */
class CompressionEndToEndTest {

    private static final NetworkSpec SPEC = new NetworkSpec("small-cnn", 28, 28, 1, 10, List.of(
            new LayerSpec.Conv2D("conv1", 5, 16, 1, true, Activation.RELU),
            new LayerSpec.MaxPool(2),
            new LayerSpec.Conv2D("conv2", 5, 32, 1, true, Activation.RELU),
            new LayerSpec.MaxPool(2),
            new LayerSpec.Flatten(),
            new LayerSpec.Dense("fc1", 128, true, Activation.RELU),
            new LayerSpec.Dropout(0.3f),
            new LayerSpec.Dense("logits", 10, true, Activation.NONE)));

    @TempDir
    static Path models;

    private static Dataset training;
    private static Dataset test;
    private static ModelManifest parent;

    @BeforeAll
    static void trainParent() throws IOException {
        training = FashionMnist.train(FashionMnist.DEFAULT_DIR).head(3000);
        test = FashionMnist.test(FashionMnist.DEFAULT_DIR).head(2000);
        TrainingConfig config = new TrainingConfig(2, 64, 2e-3f, 2e-4f, 11, false);
        Trainer.Outcome outcome = Trainer.train(SPEC, Initializer.heNormal(SPEC, 11), training, null, config,
                "train small");
        parent = VariantExporter.export(draft("full", "baseline", SPEC, null), outcome.weights(), models, test, 5);
        assertTrue(parent.measurements().accuracy() > 0.6, "parent accuracy " + parent.measurements().accuracy());
    }

    @Test
    void magnitudePruningServesWithinBound() throws IOException {
        VariantReader.TrainedNetwork network = readParent();
        // The first convolution has only 400 weights, so it stays whole, as in the committed pruned variant.
        Map<String, Double> targets = Map.of("conv2/kernel", 0.5, "fc1/kernel", 0.85, "logits/kernel", 0.5);

        MagnitudePruning.Outcome outcome = MagnitudePruning.run(SPEC, network.weights(), targets,
                new MagnitudePruning.Settings(0, 0, 0.6, 10), training, null, retraining(), "prune small");
        ModelManifest pruned = VariantExporter.export(draft("pruned-80", "prune-magnitude", SPEC,
                List.of("zeroed weights bring no speed-up")), outcome.weights(), models, test, 5);

        for (Map.Entry<String, Double> target : targets.entrySet()) {
            assertEquals(target.getValue(), MagnitudeMask.sparsity(outcome.weights().get(target.getKey()).values()),
                    0.001, target.getKey());
        }
        assertEquals(0.0, MagnitudeMask.sparsity(outcome.weights().get("conv1/kernel").values()), 0.01);
        assertTrue(outcome.overallSparsity() >= 0.8, "overall sparsity " + outcome.overallSparsity());
        assertTrue(pruned.measurements().compressedBytes() * 2.5 < parent.measurements().compressedBytes(),
                pruned.measurements().compressedBytes() + " gzipped bytes against the parent's "
                        + parent.measurements().compressedBytes());
        assertEquals(List.of("zeroed weights bring no speed-up"), pruned.notes());
        assertServesWithinBound("pruned-80", pruned, 1.0);
    }

    @Test
    void filterPruningServesWithinBound() throws IOException {
        VariantReader.TrainedNetwork network = readParent();

        FilterPruning.Outcome outcome = FilterPruning.run(SPEC, network.weights(),
                Map.of("conv1", 12, "conv2", 16, "fc1", 96), training, null, retraining(), "prune filters small");
        ModelManifest pruned = VariantExporter.export(draft("pruned-filters", "prune-filters", outcome.spec(), null),
                outcome.weights(), models, test, 5);

        assertTrue(pruned.measurements().macs() * 2 <= parent.measurements().macs(),
                pruned.measurements().macs() + " MACs against the parent's " + parent.measurements().macs());
        assertTrue(pruned.measurements().parameters() * 2 <= parent.measurements().parameters());
        assertServesWithinBound("pruned-filters", pruned, 1.0);
    }

    @Test
    void float16HalvesFilesWithinBound() throws IOException {
        ModelManifest fp16 = exportQuantized("fp16", uniform(Precision.FLOAT16));

        double ratio = (double) parent.measurements().fileBytes() / fp16.measurements().fileBytes();
        assertTrue(ratio > 1.8, "files only " + ratio + "x smaller");
        assertServesWithinBound("fp16", fp16, 0.5);
    }

    @Test
    void int8WeightsQuarterVariablesWithinBound() throws IOException {
        ModelManifest int8 = exportQuantized("int8-weights", uniform(Precision.INT8_WEIGHTS));

        double ratio = (double) variablesBytes("full") / variablesBytes("int8-weights");
        assertTrue(ratio > 3.8, "variables only " + ratio + "x smaller");
        assertServesWithinBound("int8-weights", int8, 0.5);
    }

    @Test
    void int8ComputeServesWithinBound() throws IOException {
        VariantReader.TrainedNetwork network = readParent();
        // A minimum speed-up of 0 keeps int8 on every Conv2D whatever the timings, so the int8 path always runs.
        List<Int8ComputePlanner.Decision> decisions = Int8ComputePlanner.plan(SPEC, network.weights(),
                training.head(300), new Int8ComputePlanner.Options(99.99, 10, 1, 0.0));

        ModelManifest int8 = exportQuantized("int8-compute", Int8ComputePlanner.plans(decisions));

        assertEquals(List.of(Precision.INT8_COMPUTE, Precision.INT8_COMPUTE, Precision.FLOAT32, Precision.FLOAT32),
                decisions.stream().map(Int8ComputePlanner.Decision::precision).toList());
        assertEquals(2, decisions.get(1).timings().size());
        assertServesWithinBound("int8-compute", int8, 1.0);
    }

    private static ModelManifest exportQuantized(String variant, Map<String, LayerPlan> plans) throws IOException {
        VariantReader.TrainedNetwork network = readParent();
        return VariantExporter.export(draft(variant, "quantize-" + variant, SPEC, null),
                dir -> QuantizedModelWriter.write(SPEC, network.weights(), plans, dir), models, test, 5);
    }

    /** Serves the variant through the runtime's manager and checks its accuracy against the parent's. */
    private static void assertServesWithinBound(String variant, ModelManifest manifest, double maxLossPoints) {
        double served = ServedAccuracy.of(models, new VariantId("fashion-mnist", variant), test);
        double parentAccuracy = parent.measurements().accuracy();

        assertEquals(manifest.measurements().accuracy(), served, 1e-9, "served accuracy differs from the manifest");
        assertTrue((parentAccuracy - served) * 100 <= maxLossPoints, variant + " scores " + served
                + " against the parent's " + parentAccuracy + ", more than " + maxLossPoints + " points lost");
    }

    private static VariantReader.TrainedNetwork readParent() {
        ModelVariant full = ModelCatalog.scan(models).find(new VariantId("fashion-mnist", "full")).orElseThrow();
        return VariantReader.read(full);
    }

    private static long variablesBytes(String variant) throws IOException {
        return Files.size(models.resolve("fashion-mnist").resolve(variant)
                .resolve("variables/variables.data-00000-of-00001"));
    }

    private static Map<String, LayerPlan> uniform(Precision precision) {
        Map<String, LayerPlan> plans = new LinkedHashMap<>();
        List.of("conv1", "conv2", "fc1", "logits").forEach(layer -> plans.put(layer, LayerPlan.of(precision)));
        return plans;
    }

    private static TrainingConfig retraining() {
        return new TrainingConfig(2, 64, 1e-3f, 1e-4f, 12, false);
    }

    private static VariantDraft draft(String variant, String technique, NetworkSpec spec, List<String> notes) {
        return new VariantDraft("fashion-mnist", variant, List.of(technique), variant.equals("full") ? null : "full",
                spec, FashionMnist.CLASS_NAMES, new Preprocessing(Preprocessing.ColorMode.GRAYSCALE, 28, 28,
                        Preprocessing.ResizeMode.STRETCH, 0f, List.of(0f), List.of(1f)),
                new Provenance("test", 11L, "2026-01-01T00:00:00Z", Map.of()), notes);
    }
}
