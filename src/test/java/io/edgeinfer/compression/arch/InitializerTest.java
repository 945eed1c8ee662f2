package io.edgeinfer.compression.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class InitializerTest {

    /** The standard deviation of a unit normal truncated at two standard deviations. */
    private static final double TRUNCATED_DEVIATION = 0.8796;

    private static final NetworkSpec SPEC = new NetworkSpec("init", 28, 28, 1, 10, List.of(
            new LayerSpec.Conv2D("conv", 3, 64, 1, false, Activation.NONE),
            new LayerSpec.BatchNorm("conv_bn", 1e-3f, 0.99f, Activation.RELU6),
            new LayerSpec.DepthwiseConv2D("dw", 3, 1, false, Activation.NONE),
            new LayerSpec.BatchNorm("dw_bn", 1e-3f, 0.99f, Activation.RELU6),
            new LayerSpec.Conv2D("pw", 1, 64, 1, false, Activation.RELU6),
            new LayerSpec.GlobalAveragePool(),
            new LayerSpec.Dense("logits", 10, true, Activation.NONE)));

    @Test
    void depthwiseFanInIsKernelArea() {
        WeightSet weights = Initializer.heNormal(SPEC, 1);

        assertEquals(Math.sqrt(2.0 / 9) * TRUNCATED_DEVIATION, deviation(weights.get("dw/kernel").values()), 0.03);
        assertEquals(Math.sqrt(2.0 / 64) * TRUNCATED_DEVIATION, deviation(weights.get("pw/kernel").values()), 0.01);
    }

    @Test
    void batchNormStartsAsIdentity() {
        WeightSet weights = Initializer.heNormal(SPEC, 1);

        for (String name : List.of("conv_bn/gamma", "conv_bn/moving_variance")) {
            for (float value : weights.get(name).values()) {
                assertEquals(1f, value, name);
            }
        }
        for (String name : List.of("conv_bn/beta", "conv_bn/moving_mean", "logits/bias")) {
            for (float value : weights.get(name).values()) {
                assertEquals(0f, value, name);
            }
        }
    }

    private static double deviation(float[] values) {
        double sumOfSquares = 0;
        for (float value : values) {
            sumOfSquares += (double) value * value;
        }
        return Math.sqrt(sumOfSquares / values.length);
    }
}
