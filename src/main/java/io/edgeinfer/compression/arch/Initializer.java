package io.edgeinfer.compression.arch;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Initial weights for a network, drawn in Java from a seeded generator so that the same seed gives the same
 * network bit for bit.
 *
 * <p>Kernels use He initialization (a normal distribution with standard deviation sqrt(2 / fan-in), truncated
 * at two standard deviations), which suits ReLU layers. The fan-in is the number of inputs of one output unit:
 * {@code k * k * inputChannels} for a convolution, {@code k * k} for a depthwise convolution, which filters each
 * channel on its own, and the input size for a dense layer. Biases, batch-norm offsets and moving means start
 * at zero. Batch-norm scales and moving variances start at one.
 */
public final class Initializer {

    private Initializer() {
    }

    public static WeightSet heNormal(NetworkSpec spec, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> depthwiseKernels = depthwiseKernels(spec);
        WeightSet weights = new WeightSet();
        for (Map.Entry<String, long[]> variable : spec.variableShapes().entrySet()) {
            String name = variable.getKey();
            long[] shape = variable.getValue();
            float[] values;
            if (name.endsWith("/kernel")) {
                values = truncatedNormal(random, shape, fanIn(shape, depthwiseKernels.contains(name)));
            } else if (name.endsWith("/gamma") || name.endsWith("/moving_variance")) {
                values = new float[Math.toIntExact(shape[0])];
                Arrays.fill(values, 1f);
            } else {
                values = new float[Math.toIntExact(shape[0])];
            }
            weights.put(name, new WeightSet.Weight(shape, values));
        }
        return weights;
    }

    private static Set<String> depthwiseKernels(NetworkSpec spec) {
        Set<String> names = new HashSet<>();
        for (LayerSpec layer : spec.layers()) {
            if (layer instanceof LayerSpec.DepthwiseConv2D depthwise) {
                names.add(depthwise.name() + "/kernel");
            }
        }
        return names;
    }

    /** Returns the inputs per output unit, which is k * k for a depthwise kernel {@code [k, k, channels, 1]}. */
    private static long fanIn(long[] shape, boolean depthwise) {
        if (depthwise) {
            return shape[0] * shape[1];
        }
        long count = 1;
        for (int i = 0; i < shape.length - 1; i++) {
            count *= shape[i];
        }
        return count;
    }

    private static float[] truncatedNormal(SplittableRandom random, long[] shape, long fanIn) {
        long count = 1;
        for (long dim : shape) {
            count *= dim;
        }
        double deviation = Math.sqrt(2.0 / fanIn);
        float[] values = new float[Math.toIntExact(count)];
        for (int i = 0; i < values.length; i++) {
            double sample;
            do {
                sample = random.nextGaussian();
            } while (Math.abs(sample) > 2.0);
            values[i] = (float) (sample * deviation);
        }
        return values;
    }
}
