package io.edgeinfer.compression.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FilterRankingTest {

    @Test
    void convNormsSumEachFilter() {
        // A 1x2 kernel with 2 input channels and 3 filters, in [height, width, in, out] order: filter f has
        // the values at positions f, f + 3, f + 6 and f + 9.
        float[] kernel = {
            1, -2, 0,
            -1, 2, 0.5f,
            1, 0, 0,
            -1, 1, 0.25f};

        double[] norms = FilterRanking.l1Norms(kernel, new long[] {1, 2, 2, 3});

        assertArrayEquals(new double[] {4, 5, 0.75}, norms, 1e-9);
    }

    @Test
    void denseNormsSumEachColumn() {
        float[] kernel = {1, 2, -3, 4};

        double[] norms = FilterRanking.l1Norms(kernel, new long[] {2, 2});

        assertArrayEquals(new double[] {4, 6}, norms, 1e-9);
    }

    @Test
    void strongestKeepsLargestInIndexOrder() {
        double[] norms = {0.5, 3, 1, 2, 0.1};

        assertArrayEquals(new int[] {1, 3}, FilterRanking.strongest(norms, 2));
        assertArrayEquals(new int[] {1, 2, 3}, FilterRanking.strongest(norms, 3));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, FilterRanking.strongest(norms, 5));
    }

    @Test
    void tiesGoToLowerIndex() {
        assertArrayEquals(new int[] {0, 2}, FilterRanking.strongest(new double[] {1, 0, 1, 1}, 2));
    }

    @Test
    void keepCountRoundsAndKeepsOne() {
        assertEquals(16, FilterRanking.keepCount(32, 0.5));
        assertEquals(717, FilterRanking.keepCount(1024, 0.3));
        assertEquals(1, FilterRanking.keepCount(3, 0.9));
        assertEquals(64, FilterRanking.keepCount(64, 0.0));
    }

    @Test
    void invalidCountsRejected() {
        assertThrows(IllegalArgumentException.class, () -> FilterRanking.strongest(new double[] {1, 2}, 0));
        assertThrows(IllegalArgumentException.class, () -> FilterRanking.strongest(new double[] {1, 2}, 3));
        assertThrows(IllegalArgumentException.class, () -> FilterRanking.keepCount(8, 1.0));
    }
}
