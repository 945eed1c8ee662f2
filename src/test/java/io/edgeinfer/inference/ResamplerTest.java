package io.edgeinfer.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    private static final float EXACT = 1e-6f;

    @Test
    void sameSizeCopied() {
        float[] source = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f};

        float[] resized = Resampler.resize(source, 3, 2, 3, 2);

        assertArrayEquals(source, resized);
        assertNotSame(source, resized);
    }

    @Test
    void integerShrinkAveragesBlocks() {
        float[] source = {
            0, 1, 2, 3,
            4, 5, 6, 7,
            8, 9, 10, 11,
            12, 13, 14, 15,
        };

        float[] resized = Resampler.resize(source, 4, 4, 2, 2);

        assertArrayEquals(new float[] {2.5f, 4.5f, 10.5f, 12.5f}, resized, EXACT);
    }

    @Test
    void fractionalShrinkWeighsCoverage() {
        float[] source = {0.3f, 0.6f, 0.9f};

        float[] resized = Resampler.resize(source, 3, 1, 2, 1);

        assertEquals((0.3f + 0.5f * 0.6f) / 1.5f, resized[0], EXACT);
        assertEquals((0.5f * 0.6f + 0.9f) / 1.5f, resized[1], EXACT);
    }

    @Test
    void enlargeInterpolatesLinearly() {
        float[] resized = Resampler.resize(new float[] {0f, 1f}, 2, 1, 4, 1);

        assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f}, resized, EXACT);
    }

    @Test
    void enlargeColumnsInterpolatesLinearly() {
        float[] resized = Resampler.resize(new float[] {0f, 1f}, 1, 2, 1, 4);

        assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f}, resized, EXACT);
    }

    @Test
    void constantPlaneStaysConstant() {
        float[] source = new float[7 * 5];
        Arrays.fill(source, 0.4f);

        for (int[] size : new int[][] {{3, 2}, {13, 11}, {3, 11}, {13, 2}}) {
            float[] resized = Resampler.resize(source, 7, 5, size[0], size[1]);

            for (float value : resized) {
                assertEquals(0.4f, value, EXACT, "resized to " + size[0] + "x" + size[1]);
            }
        }
    }

    @Test
    void stretchAndBackKeepsPattern() {
        float[] pattern = TestImages.smoothPattern(28, 28);

        float[] large = Resampler.resize(pattern, 28, 28, 300, 200);
        float[] back = Resampler.resize(large, 300, 200, 28, 28);

        // Edge pixels differ most, by about 1/8 of the step to their neighbour (0.0097 here), because
        // enlarging repeats the edge value outward.
        assertArrayEquals(pattern, back, 0.015f);
    }

    @Test
    void nonPositiveSizeRejected() {
        assertThrows(IllegalArgumentException.class, () -> Resampler.resize(new float[4], 2, 2, 0, 2));
    }

    @Test
    void wrongSourceLengthRejected() {
        assertThrows(IllegalArgumentException.class, () -> Resampler.resize(new float[5], 2, 2, 4, 4));
    }
}
