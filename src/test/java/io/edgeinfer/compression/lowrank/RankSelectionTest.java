package io.edgeinfer.compression.lowrank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RankSelectionTest {

    /** Squares 16, 9, 4 and 1, so the first ranks keep 16/30, 25/30, 29/30 and all of the energy. */
    private static final float[] SINGULAR_VALUES = {4f, 3f, 2f, 1f};

    @Test
    void energyPicksSmallestSufficientRank() {
        assertEquals(1, RankSelection.forEnergy(SINGULAR_VALUES, 0.5));
        assertEquals(2, RankSelection.forEnergy(SINGULAR_VALUES, 0.54));
        assertEquals(2, RankSelection.forEnergy(SINGULAR_VALUES, 25.0 / 30));
        assertEquals(3, RankSelection.forEnergy(SINGULAR_VALUES, 0.9));
        assertEquals(4, RankSelection.forEnergy(SINGULAR_VALUES, 1.0));
    }

    @Test
    void retainedEnergyIsShareOfSquares() {
        assertEquals(16.0 / 30, RankSelection.retainedEnergy(SINGULAR_VALUES, 1), 1e-12);
        assertEquals(29.0 / 30, RankSelection.retainedEnergy(SINGULAR_VALUES, 3), 1e-12);
    }

    @Test
    void breakEvenRankSavesParameters() {
        int rank = RankSelection.breakEvenRank(800, 64);

        assertEquals(59, rank);
        assertEquals(true, rank * (800 + 64) < 800 * 64);
        assertEquals(true, (rank + 1) * (800 + 64) >= 800 * 64);
    }

    @Test
    void invalidEnergyRejected() {
        assertThrows(IllegalArgumentException.class, () -> RankSelection.forEnergy(SINGULAR_VALUES, 0));
        assertThrows(IllegalArgumentException.class, () -> RankSelection.forEnergy(SINGULAR_VALUES, 1.2));
    }
}
