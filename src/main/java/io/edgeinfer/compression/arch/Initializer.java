package io.edgeinfer.compression.arch;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Initial weights for a network, drawn in Java from a seeded generator so that the same seed gives the same
 * network bit for bit.
 *
 * <p>Kernels use He initialization (a normal distribution with standard deviation sqrt(2 / fan-in), truncated
 * at two standard deviations), which suits ReLU layers. Biases start at zero.
 */
public final class Initializer {

    private Initializer() {
    }

    public static WeightSet heNormal(NetworkSpec spec, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        WeightSet weights = new WeightSet();
        for (Map.Entry<String, long[]> variable : spec.variableShapes().entrySet()) {
            long[] shape = variable.getValue();
            weights.put(variable.getKey(), new WeightSet.Weight(shape, variable.getKey().endsWith("/bias")
                    ? new float[Math.toIntExact(shape[0])]
                    : truncatedNormal(random, shape)));
        }
        return weights;
    }

    private static float[] truncatedNormal(SplittableRandom random, long[] shape) {
        long count = 1;
        for (long dim : shape) {
            count *= dim;
        }
        long fanIn = count / shape[shape.length - 1];
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
