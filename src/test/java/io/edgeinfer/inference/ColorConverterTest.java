package io.edgeinfer.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.edgeinfer.model.Preprocessing.ColorMode;
import org.junit.jupiter.api.Test;

class ColorConverterTest {

    private static final float EXACT = 1e-6f;

    @Test
    void alphaCompositedOverBackground() {
        PixelPlanes planes = rgba(1f, 0f, 0.5f, 0.25f);

        float[][] channels = ColorConverter.toModelChannels(planes, ColorMode.RGB, 0.5f);

        assertEquals(0.25f * 1f + 0.75f * 0.5f, channels[0][0], EXACT);
        assertEquals(0.75f * 0.5f, channels[1][0], EXACT);
        assertEquals(0.5f, channels[2][0], EXACT);
    }

    @Test
    void transparentPixelBecomesBackground() {
        PixelPlanes planes = rgba(1f, 1f, 1f, 0f);

        float[][] channels = ColorConverter.toModelChannels(planes, ColorMode.GRAYSCALE, 0.2f);

        assertEquals(0.2f, channels[0][0], EXACT);
    }

    @Test
    void grayscaleUsesBt601Luma() {
        PixelPlanes planes = new PixelPlanes(1, 1, new float[] {1f}, new float[] {0.5f}, new float[] {0.25f}, null);

        float[][] channels = ColorConverter.toModelChannels(planes, ColorMode.GRAYSCALE, 0f);

        assertEquals(1, channels.length);
        assertEquals(0.299f + 0.587f * 0.5f + 0.114f * 0.25f, channels[0][0], EXACT);
    }

    @Test
    void graySourcePassesThrough() {
        float[] gray = {128 / 255f};

        float[][] channels = ColorConverter.toModelChannels(PixelPlanes.gray(1, 1, gray, null),
                ColorMode.GRAYSCALE, 0f);

        assertSame(gray, channels[0]);
    }

    @Test
    void grayToRgbRepeatsValue() {
        float[][] channels = ColorConverter.toModelChannels(PixelPlanes.gray(1, 1, new float[] {0.3f}, null),
                ColorMode.RGB, 0f);

        assertEquals(3, channels.length);
        assertEquals(0.3f, channels[0][0], EXACT);
        assertEquals(0.3f, channels[1][0], EXACT);
        assertEquals(0.3f, channels[2][0], EXACT);
    }

    @Test
    void inputPlanesLeftUnchanged() {
        PixelPlanes planes = rgba(1f, 0f, 0.5f, 0.25f);

        ColorConverter.toModelChannels(planes, ColorMode.RGB, 0.5f);

        assertEquals(1f, planes.red()[0], EXACT);
        assertEquals(0.25f, planes.alpha()[0], EXACT);
    }

    private static PixelPlanes rgba(float red, float green, float blue, float alpha) {
        return new PixelPlanes(1, 1, new float[] {red}, new float[] {green}, new float[] {blue},
                new float[] {alpha});
    }
}
