package io.edgeinfer.compression.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MagnitudeMaskTest {

    @Test
    void zeroesSmallestMagnitudes() {
        float[] values = {0.5f, -0.1f, 0.3f, -0.9f, 0.05f, 0.2f};

        float[] mask = MagnitudeMask.compute(values, 0.5);

        assertArrayEquals(new float[] {1, 0, 1, 1, 0, 0}, mask);
    }

    @Test
    void negativeWeightsRankByMagnitude() {
        float[] values = {-3f, 1f, -2f, 4f};

        float[] mask = MagnitudeMask.compute(values, 0.25);

        assertArrayEquals(new float[] {1, 0, 1, 1}, mask);
    }

    @Test
    void tiesBreakByIndex() {
        float[] values = {0.2f, 0.2f, 0.2f, 0.2f, 1f};

        float[] mask = MagnitudeMask.compute(values, 0.4);

        assertArrayEquals(new float[] {0, 0, 1, 1, 1}, mask);
    }

    @Test
    void countIsExactOnRandomWeights() {
        SplittableRandom random = new SplittableRandom(5);
        float[] values = new float[10_007];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        values[17] = 0f;
        values[99] = 0f;

        for (double sparsity : new double[] {0.0, 0.1, 0.5, 0.8, 0.95, 1.0}) {
            float[] mask = MagnitudeMask.compute(values, sparsity);

            long masked = Math.round(MagnitudeMask.sparsity(mask) * values.length);
            assertEquals(Math.round(sparsity * values.length), masked, "masked weights at sparsity " + sparsity);
            if (sparsity > 0) {
                assertEquals(0f, mask[17], "an exact zero is pruned first, sparsity " + sparsity);
            }
        }
    }

    @Test
    void keptWeightsOutrankPrunedOnes() {
        SplittableRandom random = new SplittableRandom(8);
        float[] values = new float[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }

        float[] mask = MagnitudeMask.compute(values, 0.7);

        float largestPruned = 0;
        float smallestKept = Float.MAX_VALUE;
        for (int i = 0; i < values.length; i++) {
            if (mask[i] == 0f) {
                largestPruned = Math.max(largestPruned, Math.abs(values[i]));
            } else {
                smallestKept = Math.min(smallestKept, Math.abs(values[i]));
            }
        }
        assertTrue(largestPruned <= smallestKept, largestPruned + " pruned above " + smallestKept + " kept");
    }

    @Test
    void sparsityOutsideUnitIntervalRejected() {
        assertThrows(IllegalArgumentException.class, () -> MagnitudeMask.compute(new float[4], -0.1));
        assertThrows(IllegalArgumentException.class, () -> MagnitudeMask.compute(new float[4], 1.5));
        assertThrows(IllegalArgumentException.class, () -> MagnitudeMask.compute(new float[4], Double.NaN));
    }
}
