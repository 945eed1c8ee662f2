package io.edgeinfer.compression.prune;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Ranks a layer's output channels (convolution filters or dense neurons) by the L1 norm of their weights, the
 * criterion of Li et al., "Pruning Filters for Efficient ConvNets" (ICLR 2017).
 */
public final class FilterRanking {

    private FilterRanking() {
    }

    /**
     * Returns the L1 norm of each output channel of a kernel whose last dimension is the output channel, which is
     * the layout of both {@code Conv2D} kernels {@code [height, width, in, out]} and dense kernels {@code [in, out]}.
     */
    public static double[] l1Norms(float[] kernel, long[] shape) {
        int outputs = Math.toIntExact(shape[shape.length - 1]);
        double[] norms = new double[outputs];
        for (int i = 0; i < kernel.length; i++) {
            norms[i % outputs] += Math.abs(kernel[i]);
        }
        return norms;
    }

    /**
     * Returns the indices of the {@code keep} channels with the largest norms, in ascending index order so that
     * the kept channels stay in their original order. Ties go to the lower index.
     *
     * @throws IllegalArgumentException if {@code keep} is not in [1, norms.length]
     */
    public static int[] strongest(double[] norms, int keep) {
        if (keep < 1 || keep > norms.length) {
            throw new IllegalArgumentException("Cannot keep " + keep + " of " + norms.length + " channels");
        }
        return IntStream.range(0, norms.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -norms[i]).thenComparingInt(i -> i))
                .limit(keep)
                .mapToInt(Integer::intValue)
                .sorted()
                .toArray();
    }

    /** Returns how many of {@code channels} remain after removing the fraction {@code removeFraction}, at least 1. */
    public static int keepCount(int channels, double removeFraction) {
        if (!(removeFraction >= 0 && removeFraction < 1)) {
            throw new IllegalArgumentException("The fraction of filters to remove must be in [0, 1); got "
                    + removeFraction);
        }
        return Math.max(1, (int) Math.round(channels * (1 - removeFraction)));
    }

    static int[] all(int channels) {
        int[] indices = new int[channels];
        Arrays.setAll(indices, i -> i);
        return indices;
    }
}
