package io.edgeinfer.inference;

import io.edgeinfer.model.Preprocessing.ColorMode;

/**
 * Composites alpha over a gray background and converts the result to the model's colour mode.
 *
 * <p>Compositing computes {@code a * c + (1 - a) * background} per channel. Grayscale is luma with the ITU-R
 * BT.601 weights {@code 0.299 R + 0.587 G + 0.114 B}. A gray source is passed through unchanged, so a stored
 * gray value reaches the model without float rounding from the weights.
 *
 * <p>Thread safety: stateless. The input planes are only read, and the returned planes may share arrays.
 */
final class ColorConverter {

    private static final float LUMA_RED = 0.299f;
    private static final float LUMA_GREEN = 0.587f;
    private static final float LUMA_BLUE = 0.114f;

    private ColorConverter() {
    }

    /**
     * Returns one plane per model channel: one for {@link ColorMode#GRAYSCALE}, three in R, G, B order for
     * {@link ColorMode#RGB}.
     *
     * @param background the gray level in [0, 1] that transparent pixels are composited over
     */
    static float[][] toModelChannels(PixelPlanes planes, ColorMode mode, float background) {
        PixelPlanes opaque = composite(planes, background);
        return switch (mode) {
            case GRAYSCALE -> new float[][] {opaque.isGray() ? opaque.red() : luma(opaque)};
            case RGB -> new float[][] {opaque.red(), opaque.green(), opaque.blue()};
        };
    }

    private static PixelPlanes composite(PixelPlanes planes, float background) {
        float[] alpha = planes.alpha();
        if (alpha == null) {
            return planes;
        }
        int width = planes.width();
        int height = planes.height();
        if (planes.isGray()) {
            return PixelPlanes.gray(width, height, composite(planes.red(), alpha, background), null);
        }
        return new PixelPlanes(width, height, composite(planes.red(), alpha, background),
                composite(planes.green(), alpha, background), composite(planes.blue(), alpha, background), null);
    }

    private static float[] composite(float[] color, float[] alpha, float background) {
        float[] out = new float[color.length];
        for (int i = 0; i < color.length; i++) {
            out[i] = alpha[i] * color[i] + (1 - alpha[i]) * background;
        }
        return out;
    }

    private static float[] luma(PixelPlanes planes) {
        float[] red = planes.red();
        float[] green = planes.green();
        float[] blue = planes.blue();
        float[] out = new float[red.length];
        for (int i = 0; i < red.length; i++) {
            out[i] = LUMA_RED * red[i] + LUMA_GREEN * green[i] + LUMA_BLUE * blue[i];
        }
        return out;
    }
}
