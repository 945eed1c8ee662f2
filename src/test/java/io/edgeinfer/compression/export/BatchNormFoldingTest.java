package io.edgeinfer.compression.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.compression.arch.Activation;
import io.edgeinfer.compression.arch.Initializer;
import io.edgeinfer.compression.arch.LayerSpec;
import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.arch.WeightSet;
import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.data.FashionMnist;
import io.edgeinfer.compression.eval.NetworkRunner;
import io.edgeinfer.model.ModelManifest;
import io.edgeinfer.model.Preprocessing;
import io.edgeinfer.model.Provenance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.GraphOperation;
import org.tensorflow.SavedModelBundle;

class BatchNormFoldingTest {

    @TempDir
    Path models;

    /** A convolution, a depthwise convolution and a dense layer, each followed by batch norm. */
    private static final NetworkSpec SPEC = new NetworkSpec("bn", 28, 28, 1, 10, List.of(
            new LayerSpec.Conv2D("conv", 3, 8, 1, false, Activation.NONE),
            new LayerSpec.BatchNorm("conv_bn", 1e-3f, 0.99f, Activation.RELU6),
            new LayerSpec.DepthwiseConv2D("dw", 3, 2, true, Activation.NONE),
            new LayerSpec.BatchNorm("dw_bn", 1e-3f, 0.99f, Activation.RELU),
            new LayerSpec.GlobalAveragePool(),
            new LayerSpec.Dense("hidden", 16, false, Activation.NONE),
            new LayerSpec.BatchNorm("hidden_bn", 1e-3f, 0.99f, Activation.RELU),
            new LayerSpec.Dense("logits", 10, true, Activation.NONE)));

    @Test
    void foldedMatchesMovingStatistics() throws IOException {
        WeightSet weights = withRandomStatistics(Initializer.heNormal(SPEC, 11), 12);
        Dataset images = FashionMnist.test(FashionMnist.DEFAULT_DIR).head(200);

        VariantReader.TrainedNetwork folded = BatchNormFolding.fold(SPEC, weights);

        float[] expected;
        try (NetworkRunner unfolded = new NetworkRunner(SPEC, weights)) {
            expected = unfolded.logits(images.pixels(), images.size());
        }
        float[] actual;
        try (NetworkRunner runner = new NetworkRunner(folded.spec(), folded.weights())) {
            actual = runner.logits(images.pixels(), images.size());
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4 * Math.max(1, Math.abs(expected[i])), "logit " + i);
        }
    }

    @Test
    void foldedSpecHasBiasesAndActivations() {
        VariantReader.TrainedNetwork folded = BatchNormFolding.fold(SPEC,
                withRandomStatistics(Initializer.heNormal(SPEC, 11), 12));

        assertEquals(List.of(
                new LayerSpec.Conv2D("conv", 3, 8, 1, true, Activation.RELU6),
                new LayerSpec.DepthwiseConv2D("dw", 3, 2, true, Activation.RELU),
                new LayerSpec.GlobalAveragePool(),
                new LayerSpec.Dense("hidden", 16, true, Activation.RELU),
                new LayerSpec.Dense("logits", 10, true, Activation.NONE)), folded.spec().layers());
        assertEquals(folded.spec().variableShapes().keySet(), folded.weights().asMap().keySet());
        assertEquals(SPEC.macs(), folded.spec().macs());
    }

    @Test
    void exportedGraphHasNoBatchNorm() throws IOException {
        Dataset test = FashionMnist.test(FashionMnist.DEFAULT_DIR).head(100);
        VariantDraft draft = new VariantDraft("fashion-mnist", "bn", List.of("test"), null, SPEC,
                FashionMnist.CLASS_NAMES, new Preprocessing(Preprocessing.ColorMode.GRAYSCALE, 28, 28,
                        Preprocessing.ResizeMode.STRETCH, 0f, List.of(0f), List.of(1f)),
                new Provenance("test", 11L, "2026-01-01T00:00:00Z", Map.of()));

        ModelManifest manifest = VariantExporter.export(draft,
                withRandomStatistics(Initializer.heNormal(SPEC, 11), 12), models, test, 0);

        assertEquals(BatchNormFolding.fold(SPEC, Initializer.heNormal(SPEC, 11)).spec().parameters(),
                manifest.measurements().parameters());
        assertFalse(manifest.architecture().toString().contains("batch_norm"), manifest.architecture().toString());
        try (SavedModelBundle bundle = SavedModelBundle.load(models.resolve("fashion-mnist/bn").toString(),
                SavedModelBundle.DEFAULT_TAG)) {
            int operations = 0;
            for (var iterator = bundle.graph().operations(); iterator.hasNext(); operations++) {
                GraphOperation op = iterator.next();
                assertFalse(op.name().contains("_bn") || op.type().equals("Rsqrt")
                        || op.type().startsWith("FusedBatchNorm"), "batch-norm op " + op.name() + " " + op.type());
            }
            assertTrue(operations > 0);
        }
    }

    /** Gives every batch-norm variable a random value, so that folding has something to fold. */
    private static WeightSet withRandomStatistics(WeightSet weights, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        WeightSet result = new WeightSet();
        for (Map.Entry<String, WeightSet.Weight> entry : weights.asMap().entrySet()) {
            String name = entry.getKey();
            float[] values = entry.getValue().values().clone();
            if (name.contains("_bn/")) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = name.endsWith("gamma") || name.endsWith("variance")
                            ? (float) random.nextDouble(0.2, 3) : (float) random.nextDouble(-1, 1);
                }
            }
            result.put(name, new WeightSet.Weight(entry.getValue().shape(), values));
        }
        return result;
    }
}
