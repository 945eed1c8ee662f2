package io.edgeinfer.inference;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Reads a {@link BufferedImage} into {@link PixelPlanes}, scaling every sample to [0, 1] by its bit depth.
 *
 * <p>Palette images go through their palette. Gray and sRGB images with integer samples of up to 16 bits are
 * read from the raster row by row, which skips the per-pixel colour conversion of {@link BufferedImage#getRGB}
 * and keeps 16-bit precision. Everything else, such as other colour spaces or float samples, goes through
 * {@code getRGB}, which converts to 8-bit sRGB.
 *
 * <p>Gray images must not go through {@code getRGB}, because Java treats {@code CS_GRAY} as linear and applies
 * the sRGB gamma curve. A stored 128 (0.50) would come out as 188 (0.74), while the model expects the stored
 * value.
 *
 * <p>Thread safety: stateless. Concurrent calls are safe as long as nothing writes to the image meanwhile.
 */
final class PixelReader {

    private static final int MAX_RASTER_BITS = 16;

    private PixelReader() {
    }

    static PixelPlanes read(BufferedImage image) {
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        if (model instanceof IndexColorModel indexed && sampleBits(raster, 0) <= MAX_RASTER_BITS) {
            return readIndexed(indexed, raster);
        }
        if (!hasIntegerSamples(model, raster)) {
            return readWithGetRgb(image);
        }

        boolean component = model instanceof ComponentColorModel;
        ColorSpace space = model.getColorSpace();
        if (component && space.getType() == ColorSpace.TYPE_GRAY && model.getNumColorComponents() == 1) {
            return readGray(model, raster);
        }
        if ((component || model instanceof DirectColorModel) && space.isCS_sRGB()) {
            return readRgb(model, raster);
        }
        return readWithGetRgb(image);
    }

    private static PixelPlanes readIndexed(IndexColorModel model, Raster raster) {
        int entries = 1 << sampleBits(raster, 0);
        float[][] lookup = new float[4][entries];
        boolean gray = true;
        for (int i = 0; i < entries; i++) {
            // IndexColorModel masks the index, so entries past the palette size are safe to look up.
            int argb = model.getRGB(i);
            lookup[0][i] = ((argb >> 16) & 0xFF) / 255f;
            lookup[1][i] = ((argb >> 8) & 0xFF) / 255f;
            lookup[2][i] = (argb & 0xFF) / 255f;
            lookup[3][i] = (argb >>> 24) / 255f;
            gray &= lookup[0][i] == lookup[1][i] && lookup[1][i] == lookup[2][i];
        }

        int width = raster.getWidth();
        int height = raster.getHeight();
        int[] indices = raster.getSamples(0, 0, width, height, 0, (int[]) null);
        float[] red = applyLookup(indices, lookup[0]);
        float[] alpha = model.hasAlpha() ? applyLookup(indices, lookup[3]) : null;
        if (gray) {
            return PixelPlanes.gray(width, height, red, alpha);
        }
        return new PixelPlanes(width, height, red, applyLookup(indices, lookup[1]),
                applyLookup(indices, lookup[2]), alpha);
    }

    private static PixelPlanes readGray(ColorModel model, Raster raster) {
        float[] gray = readBand(model, raster, 0);
        float[] alpha = model.hasAlpha() ? readBand(model, raster, 1) : null;
        if (alpha != null && model.isAlphaPremultiplied()) {
            unpremultiply(gray, alpha);
        }
        return PixelPlanes.gray(raster.getWidth(), raster.getHeight(), gray, alpha);
    }

    private static PixelPlanes readRgb(ColorModel model, Raster raster) {
        float[] red = readBand(model, raster, 0);
        float[] green = readBand(model, raster, 1);
        float[] blue = readBand(model, raster, 2);
        float[] alpha = model.hasAlpha() ? readBand(model, raster, 3) : null;
        if (alpha != null && model.isAlphaPremultiplied()) {
            unpremultiply(red, alpha);
            unpremultiply(green, alpha);
            unpremultiply(blue, alpha);
        }
        return new PixelPlanes(raster.getWidth(), raster.getHeight(), red, green, blue, alpha);
    }

    /** Reads through {@code getRGB}, which returns 8-bit sRGB that is not premultiplied, one row at a time. */
    private static PixelPlanes readWithGetRgb(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        boolean hasAlpha = image.getColorModel().hasAlpha();
        float[] red = new float[width * height];
        float[] green = new float[width * height];
        float[] blue = new float[width * height];
        float[] alpha = hasAlpha ? new float[width * height] : null;

        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                int argb = row[x];
                red[offset + x] = ((argb >> 16) & 0xFF) / 255f;
                green[offset + x] = ((argb >> 8) & 0xFF) / 255f;
                blue[offset + x] = (argb & 0xFF) / 255f;
                if (hasAlpha) {
                    alpha[offset + x] = (argb >>> 24) / 255f;
                }
            }
        }
        return new PixelPlanes(width, height, red, green, blue, alpha);
    }

    /** Reads one band row by row, dividing each sample by the band's maximum, 2^bits - 1. */
    private static float[] readBand(ColorModel model, Raster raster, int band) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        float scale = 1f / ((1 << model.getComponentSize(band)) - 1);
        float[] plane = new float[width * height];

        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, band, row);
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                plane[offset + x] = row[x] * scale;
            }
        }
        return plane;
    }

    private static float[] applyLookup(int[] indices, float[] lookup) {
        float[] plane = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            plane[i] = lookup[indices[i]];
        }
        return plane;
    }

    private static void unpremultiply(float[] color, float[] alpha) {
        for (int i = 0; i < color.length; i++) {
            if (alpha[i] > 0) {
                color[i] = Math.min(1f, color[i] / alpha[i]);
            }
        }
    }

    /** Returns whether every band has unsigned integer samples of at most 16 bits, which {@link #readBand} can scale. */
    private static boolean hasIntegerSamples(ColorModel model, Raster raster) {
        int type = raster.getTransferType();
        if (type != DataBuffer.TYPE_BYTE && type != DataBuffer.TYPE_USHORT && type != DataBuffer.TYPE_INT) {
            return false;
        }
        for (int band = 0; band < raster.getNumBands(); band++) {
            if (model.getComponentSize(band) > MAX_RASTER_BITS || sampleBits(raster, band) > MAX_RASTER_BITS) {
                return false;
            }
        }
        return true;
    }

    private static int sampleBits(Raster raster, int band) {
        return raster.getSampleModel().getSampleSize(band);
    }
}
