package io.edgeinfer.compression.lowrank;

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
import io.edgeinfer.compression.eval.NetworkRunner;
import io.edgeinfer.compression.export.VariantReader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LowRankFactorizerTest {

    private static final float[] SINGULAR_VALUES = {10f, 6f, 4f, 3f, 2f, 1f, 0.5f, 0.25f};

    /** A 28x28 input with a 3x3 convolution to 8 channels and a dense layer of 8 x 8 kernels before the logits. */
    private static final NetworkSpec SPEC = new NetworkSpec("lowrank", 28, 28, 1, 10, List.of(
            new LayerSpec.Conv2D("conv", 3, 8, 2, true, Activation.RELU),
            new LayerSpec.GlobalAveragePool(),
            new LayerSpec.Dense("hidden", 8, true, Activation.RELU),
            new LayerSpec.Dense("logits", 10, true, Activation.NONE)));

    @Test
    void decompositionFindsKnownSingularValues() {
        float[] matrix = withSingularValues(40, 8, SINGULAR_VALUES, 1);

        SingularValueDecomposition svd = SingularValueDecomposition.of(matrix, 40, 8);

        assertArrayEquals(SINGULAR_VALUES, svd.singularValues(), 1e-4f);
    }

    @Test
    void truncationErrorMatchesEckartYoung() {
        WeightSet weights = Initializer.heNormal(SPEC, 3);
        weights.put("hidden/kernel", new WeightSet.Weight(new long[] {8, 8}, withSingularValues(8, 8,
                SINGULAR_VALUES, 2)));

        for (int rank = 1; rank <= 3; rank++) {
            LowRankFactorizer.Result result = LowRankFactorizer.factorize(
                    new VariantReader.TrainedNetwork(SPEC, weights), Map.of("hidden", new RankRule.Fixed(rank)));

            LowRankFactorizer.LayerReport report = result.layers().get(0);
            double expectedEnergy = RankSelection.retainedEnergy(SINGULAR_VALUES, rank);
            assertEquals(rank, report.rank());
            assertEquals(expectedEnergy, report.energyRetained(), 1e-6);
            assertEquals(Math.sqrt(1 - expectedEnergy), report.relativeError(), 1e-4, "relative error at " + rank);
            assertEquals(8 * 8 + 8, report.parametersBefore());
            assertEquals(rank * 16 + 8, report.parametersAfter());
        }
    }

    @Test
    void energyRuleChoosesRank() {
        WeightSet weights = Initializer.heNormal(SPEC, 3);
        weights.put("hidden/kernel", new WeightSet.Weight(new long[] {8, 8}, withSingularValues(8, 8,
                SINGULAR_VALUES, 2)));

        LowRankFactorizer.Result result = LowRankFactorizer.factorize(new VariantReader.TrainedNetwork(SPEC, weights),
                Map.of("hidden", new RankRule.Energy(0.9)));

        // 100 + 36 = 136 of the total 166.3125 is 0.818, and adding 16 gives 0.914.
        assertEquals(3, result.layers().get(0).rank());
    }

    @Test
    void exactLowRankConvolutionKeepsOutputs() throws IOException {
        WeightSet weights = Initializer.heNormal(SPEC, 4);
        weights.put("conv/kernel", new WeightSet.Weight(new long[] {3, 3, 1, 8},
                withSingularValues(9, 8, new float[] {1.5f, 0.7f, 0, 0, 0, 0, 0, 0}, 5)));
        Dataset images = FashionMnist.test(FashionMnist.DEFAULT_DIR).head(50);

        LowRankFactorizer.Result result = LowRankFactorizer.factorize(new VariantReader.TrainedNetwork(SPEC, weights),
                Map.of("conv", new RankRule.Fixed(2)));

        NetworkSpec factorized = result.network().spec();
        assertEquals(List.of(
                new LayerSpec.Conv2D("conv_u", 3, 2, 2, false, Activation.NONE),
                new LayerSpec.Conv2D("conv_v", 1, 8, 1, true, Activation.RELU)),
                factorized.layers().subList(0, 2));
        assertEquals(SPEC.parameters() - (9 * 8) + 2 * (9 + 8), factorized.parameters());
        assertEquals(SPEC.macs() - 14L * 14 * 9 * 8 + 14L * 14 * (9 * 2 + 2 * 8), factorized.macs());
        float[] expected;
        try (NetworkRunner runner = new NetworkRunner(SPEC, weights)) {
            expected = runner.logits(images.pixels(), images.size());
        }
        try (NetworkRunner runner = new NetworkRunner(factorized, result.network().weights())) {
            assertArrayEquals(expected, runner.logits(images.pixels(), images.size()), 1e-4f);
        }
    }

    @Test
    void rankWithoutSavingsRejected() {
        WeightSet weights = Initializer.heNormal(SPEC, 3);
        VariantReader.TrainedNetwork network = new VariantReader.TrainedNetwork(SPEC, weights);

        assertThrows(IllegalArgumentException.class,
                () -> LowRankFactorizer.factorize(network, Map.of("hidden", new RankRule.Fixed(4))));
        assertThrows(IllegalArgumentException.class,
                () -> LowRankFactorizer.factorize(network, Map.of("missing", new RankRule.Fixed(1))));
    }

    /** Returns a row-major rows x columns matrix {@code Q1 * diag(values) * Q2^T} with random orthonormal Q1, Q2. */
    private static float[] withSingularValues(int rows, int columns, float[] values, long seed) {
        double[][] left = orthonormalColumns(rows, values.length, new SplittableRandom(seed));
        double[][] right = orthonormalColumns(columns, values.length, new SplittableRandom(seed + 100));
        float[] matrix = new float[rows * columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double sum = 0;
                for (int k = 0; k < values.length; k++) {
                    sum += left[i][k] * values[k] * right[j][k];
                }
                matrix[i * columns + j] = (float) sum;
            }
        }
        return matrix;
    }

    /** Returns an n x k matrix with orthonormal columns, by Gram-Schmidt on Gaussian columns. */
    private static double[][] orthonormalColumns(int n, int k, SplittableRandom random) {
        double[][] q = new double[n][k];
        for (int c = 0; c < k; c++) {
            double[] column = new double[n];
            for (int i = 0; i < n; i++) {
                column[i] = random.nextGaussian();
            }
            for (int previous = 0; previous < c; previous++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += column[i] * q[i][previous];
                }
                for (int i = 0; i < n; i++) {
                    column[i] -= dot * q[i][previous];
                }
            }
            double norm = 0;
            for (double value : column) {
                norm += value * value;
            }
            for (int i = 0; i < n; i++) {
                q[i][c] = column[i] / Math.sqrt(norm);
            }
        }
        return q;
    }
}
