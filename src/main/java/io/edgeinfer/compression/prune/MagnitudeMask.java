package io.edgeinfer.compression.prune;

import java.util.Arrays;

/**
 * Masks for unstructured magnitude pruning: within one tensor, the weights of smallest absolute value are zeroed
 * until a target fraction is zero.
 */
public final class MagnitudeMask {

    private MagnitudeMask() {
    }

    /**
     * Computes the mask that zeroes exactly {@code round(sparsity * values.length)} weights, those of smallest
     * absolute value. Ties at the threshold are broken by index, lowest first, so the count is exact and the same
     * input always gives the same mask.
     *
     * @param sparsity the fraction of weights to zero, in [0, 1]
     * @return 0 for each pruned weight and 1 for each kept one
     * @throws IllegalArgumentException if {@code sparsity} is outside [0, 1]
     */
    public static float[] compute(float[] values, double sparsity) {
        if (!(sparsity >= 0 && sparsity <= 1)) {
            throw new IllegalArgumentException("Sparsity must be in [0, 1]; got " + sparsity);
        }
        int pruneCount = (int) Math.round(sparsity * values.length);
        float[] mask = new float[values.length];
        Arrays.fill(mask, 1f);
        if (pruneCount == 0) {
            return mask;
        }

        float threshold = kthSmallestMagnitude(values, pruneCount);
        int pruned = 0;
        for (int i = 0; i < values.length; i++) {
            if (Math.abs(values[i]) < threshold) {
                mask[i] = 0f;
                pruned++;
            }
        }

        // Weights equal to the threshold fill the remaining count in index order.
        for (int i = 0; i < values.length && pruned < pruneCount; i++) {
            if (mask[i] == 1f && Math.abs(values[i]) == threshold) {
                mask[i] = 0f;
                pruned++;
            }
        }
        return mask;
    }

    /** Returns the fraction of {@code values} that are exactly zero. */
    public static double sparsity(float[] values) {
        if (values.length == 0) {
            return 0;
        }
        long zeros = 0;
        for (float value : values) {
            if (value == 0f) {
                zeros++;
            }
        }
        return (double) zeros / values.length;
    }

    /** Multiplies {@code values} by {@code mask} in place. */
    public static void apply(float[] values, float[] mask) {
        if (values.length != mask.length) {
            throw new IllegalArgumentException("Mask has " + mask.length + " entries for " + values.length
                    + " weights");
        }
        for (int i = 0; i < values.length; i++) {
            values[i] *= mask[i];
        }
    }

    /** Returns the {@code k}-th smallest absolute value, counting from 1. */
    private static float kthSmallestMagnitude(float[] values, int k) {
        float[] magnitudes = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            magnitudes[i] = Math.abs(values[i]);
        }
        Arrays.sort(magnitudes);
        return magnitudes[k - 1];
    }
}
