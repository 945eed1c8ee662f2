package io.edgeinfer.compression.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.edgeinfer.compression.arch.Activation;
import io.edgeinfer.compression.arch.Initializer;
import io.edgeinfer.compression.arch.LayerSpec;
import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.arch.WeightSet;
import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.data.FashionMnist;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trains a small batch-norm network on real images and checks the statistics it keeps. */
class BatchNormTrainingTest {

    private static final int UNITS = 4;
    private static final float MOMENTUM = 0.9f;

    @Test
    void stepMovesAveragesTowardBatch() throws IOException {
        Dataset batch = FashionMnist.train(FashionMnist.DEFAULT_DIR).head(64);
        NetworkSpec spec = hiddenLayerNetwork(MOMENTUM);
        WeightSet initial = Initializer.heNormal(spec, 5);
        TrainingConfig oneStep = new TrainingConfig(1, 64, 1e-3f, 1e-3f, 5, false);

        Trainer.Outcome outcome = Trainer.train(spec, initial, batch, null, oneStep, "test");

        double[][] preActivations = hiddenPreActivations(batch, initial.get("hidden/kernel").values());
        float[] movingMean = outcome.weights().get("hidden_bn/moving_mean").values();
        float[] movingVariance = outcome.weights().get("hidden_bn/moving_variance").values();
        for (int unit = 0; unit < UNITS; unit++) {
            double mean = 0;
            for (double[] example : preActivations) {
                mean += example[unit] / batch.size();
            }
            double variance = 0;
            for (double[] example : preActivations) {
                variance += (example[unit] - mean) * (example[unit] - mean) / batch.size();
            }
            assertEquals((1 - MOMENTUM) * mean, movingMean[unit], 1e-4 * Math.max(1, Math.abs(mean)),
                    "moving mean of unit " + unit);
            assertEquals(MOMENTUM + (1 - MOMENTUM) * variance, movingVariance[unit], 1e-4 * Math.max(1, variance),
                    "moving variance of unit " + unit);
        }
    }

    @Test
    void optimizerLeavesAveragesAlone() throws IOException {
        Dataset batch = FashionMnist.train(FashionMnist.DEFAULT_DIR).head(64);
        NetworkSpec spec = hiddenLayerNetwork(0f);
        WeightSet initial = Initializer.heNormal(spec, 5);

        Trainer.Outcome outcome = Trainer.train(spec, initial, batch, null,
                new TrainingConfig(1, 64, 1e-2f, 1e-2f, 5, false), "test");

        // With momentum 0 the moving mean is exactly the batch mean, so an Adam update on top would show.
        double[][] preActivations = hiddenPreActivations(batch, initial.get("hidden/kernel").values());
        double mean = 0;
        for (double[] example : preActivations) {
            mean += example[0] / batch.size();
        }
        assertEquals(mean, outcome.weights().get("hidden_bn/moving_mean").values()[0], 1e-4 * Math.max(1, mean));
        assertFalse(outcome.weights().get("hidden_bn/gamma").values()[0] == 1f, "gamma must train");
    }

    /** A dense layer of {@value #UNITS} units with batch norm between the pixels and the logits. */
    private static NetworkSpec hiddenLayerNetwork(float momentum) {
        return new NetworkSpec("bn", 28, 28, 1, 10, List.of(
                new LayerSpec.Flatten(),
                new LayerSpec.Dense("hidden", UNITS, false, Activation.NONE),
                new LayerSpec.BatchNorm("hidden_bn", 1e-3f, momentum, Activation.RELU),
                new LayerSpec.Dense("logits", 10, true, Activation.NONE)));
    }

    private static double[][] hiddenPreActivations(Dataset data, float[] kernel) {
        int pixels = data.pixelsPerImage();
        double[][] result = new double[data.size()][UNITS];
        for (int n = 0; n < data.size(); n++) {
            for (int p = 0; p < pixels; p++) {
                double pixel = data.pixels()[n * pixels + p];
                for (int unit = 0; unit < UNITS; unit++) {
                    result[n][unit] += pixel * kernel[p * UNITS + unit];
                }
            }
        }
        return result;
    }
}
