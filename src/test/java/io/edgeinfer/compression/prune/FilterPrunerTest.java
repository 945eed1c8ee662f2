package io.edgeinfer.compression.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.compression.arch.Activation;
import io.edgeinfer.compression.arch.Initializer;
import io.edgeinfer.compression.arch.LayerSpec;
import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.arch.WeightSet;
import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.data.FashionMnist;
import io.edgeinfer.compression.testing.Logits;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Filter pruning on a small network with random weights, checked against TensorFlow. */
class FilterPrunerTest {

    private static final NetworkSpec SPEC = new NetworkSpec("small", 28, 28, 1, 10, List.of(
            new LayerSpec.Conv2D("conv1", 5, 8, 1, true, Activation.RELU),
            new LayerSpec.MaxPool(2),
            new LayerSpec.Conv2D("conv2", 3, 12, 2, true, Activation.RELU),
            new LayerSpec.MaxPool(2),
            new LayerSpec.Flatten(),
            new LayerSpec.Dense("fc1", 20, true, Activation.RELU),
            new LayerSpec.Dropout(0.5f),
            new LayerSpec.Dense("logits", 10, true, Activation.NONE)));

    @Test
    void smallerSpecCountsMatchHandComputation() {
        FilterPruner.Result result = FilterPruner.prune(SPEC, Initializer.heNormal(SPEC, 1),
                Map.of("conv1", 4, "conv2", 6, "fc1", 10));

        NetworkSpec smaller = result.spec();
        long conv1 = 28L * 28 * 5 * 5 * 1 * 4;
        long conv2 = 7L * 7 * 3 * 3 * 4 * 6;
        long fc1 = 3L * 3 * 6 * 10;
        long logits = 10L * 10;
        assertEquals(conv1 + conv2 + fc1 + logits, smaller.macs());
        assertEquals((5 * 5 * 4 + 4) + (3 * 3 * 4 * 6 + 6) + (54 * 10 + 10) + (10 * 10 + 10), smaller.parameters());
        assertEquals(smaller.variableShapes().keySet(), result.weights().asMap().keySet());
        for (Map.Entry<String, long[]> shape : smaller.variableShapes().entrySet()) {
            assertArrayEquals(shape.getValue(), result.weights().get(shape.getKey()).shape(), shape.getKey());
        }
    }

    @Test
    void prunedNetworkEqualsZeroedOriginal() throws IOException {
        WeightSet weights = Initializer.heNormal(SPEC, 2);
        randomizeBiases(weights);
        Dataset images = FashionMnist.test(FashionMnist.DEFAULT_DIR).head(16);

        FilterPruner.Result result = FilterPruner.prune(SPEC, weights, Map.of("conv1", 5, "conv2", 7, "fc1", 9));

        // Zeroing a removed channel's kernel and bias in the original gives it output 0 after ReLU, so nothing
        // downstream reads it: the original then computes exactly what the smaller network computes.
        WeightSet zeroed = zeroRemoved(weights, result.keptChannels());
        float[] expected = Logits.of(SPEC, zeroed, images);
        float[] actual = Logits.of(result.spec(), result.weights(), images);
        assertArrayEquals(expected, actual, 1e-4f);
    }

    @Test
    void depthwiseLayerFollowsPrunedChannels() throws IOException {
        NetworkSpec separable = new NetworkSpec("separable", 28, 28, 1, 10, List.of(
                new LayerSpec.Conv2D("conv1", 3, 8, 2, true, Activation.RELU),
                new LayerSpec.DepthwiseConv2D("depthwise", 3, 2, true, Activation.RELU6),
                new LayerSpec.Conv2D("pointwise", 1, 6, 1, true, Activation.RELU),
                new LayerSpec.Flatten(),
                new LayerSpec.Dense("logits", 10, true, Activation.NONE)));
        WeightSet weights = Initializer.heNormal(separable, 6);
        randomizeBiases(weights);
        Dataset images = FashionMnist.test(FashionMnist.DEFAULT_DIR).head(8);

        FilterPruner.Result result = FilterPruner.prune(separable, weights, Map.of("conv1", 5));

        // The depthwise filters of removed channels must go too. Their bias would otherwise leak a constant, so
        // the zeroed original also zeroes them.
        Map<String, int[]> kept = Map.of("conv1", result.keptChannels().get("conv1"), "depthwise",
                result.keptChannels().get("conv1"));
        assertArrayEquals(new long[] {3, 3, 5, 1}, result.weights().get("depthwise/kernel").shape());
        assertArrayEquals(new long[] {1, 1, 5, 6}, result.weights().get("pointwise/kernel").shape());
        assertArrayEquals(Logits.of(separable, zeroRemoved(weights, kept), images),
                Logits.of(result.spec(), result.weights(), images), 1e-4f);
    }

    @Test
    void keptChannelsHaveLargestNorms() {
        WeightSet weights = Initializer.heNormal(SPEC, 3);

        FilterPruner.Result result = FilterPruner.prune(SPEC, weights, Map.of("conv1", 3));

        WeightSet.Weight kernel = weights.get("conv1/kernel");
        double[] norms = FilterRanking.l1Norms(kernel.values(), kernel.shape());
        assertArrayEquals(FilterRanking.strongest(norms, 3), result.keptChannels().get("conv1"));
    }

    @Test
    void outputLayerCannotBePruned() {
        WeightSet weights = Initializer.heNormal(SPEC, 4);

        assertThrows(IllegalArgumentException.class, () -> FilterPruner.prune(SPEC, weights, Map.of("logits", 5)));
        assertThrows(IllegalArgumentException.class, () -> FilterPruner.prune(SPEC, weights, Map.of("conv9", 5)));
    }

    private static void randomizeBiases(WeightSet weights) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        for (Map.Entry<String, WeightSet.Weight> entry : weights.asMap().entrySet()) {
            if (entry.getKey().endsWith("/bias")) {
                float[] values = entry.getValue().values();
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) random.nextGaussian() * 0.1f;
                }
            }
        }
    }

    private static WeightSet zeroRemoved(WeightSet weights, Map<String, int[]> kept) {
        WeightSet zeroed = new WeightSet();
        for (Map.Entry<String, WeightSet.Weight> entry : weights.asMap().entrySet()) {
            String layer = entry.getKey().substring(0, entry.getKey().indexOf('/'));
            float[] values = entry.getValue().values().clone();
            long[] shape = entry.getValue().shape();
            int[] channels = kept.get(layer);
            if (channels != null) {
                // A depthwise kernel [height, width, channels, 1] has its channels on the third axis.
                boolean depthwise = shape.length == 4 && shape[3] == 1;
                int outputs = (int) (depthwise ? shape[2] : shape[shape.length - 1]);
                boolean[] keep = new boolean[outputs];
                for (int channel : channels) {
                    keep[channel] = true;
                }
                for (int i = 0; i < values.length; i++) {
                    if (!keep[depthwise ? (i / (int) shape[3]) % outputs : i % outputs]) {
                        values[i] = 0f;
                    }
                }
            }
            zeroed.put(entry.getKey(), new WeightSet.Weight(shape, values));
        }
        return zeroed;
    }
}
