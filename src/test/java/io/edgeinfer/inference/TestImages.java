package io.edgeinfer.inference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Builds small images in memory and encodes them with ImageIO, so that tests need no files. */
final class TestImages {

    private TestImages() {
    }

    /** Encodes an image with the ImageIO writer for {@code format}, failing the test if none accepts it. */
    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertTrue(ImageIO.write(image, format, out), "no ImageIO writer for " + format + " took the image");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Encodes frames as an animated GIF, in order. */
    static byte[] animatedGif(BufferedImage... frames) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Creates an image of one colour, given as 0xRRGGBB or 0xAARRGGBB for types with alpha. */
    static BufferedImage filled(int width, int height, int imageType, int argb) {
        BufferedImage image = new BufferedImage(width, height, imageType);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, argb);
            }
        }
        return image;
    }

    /** Creates a gray image of the given sample size (8 or 16 bits), optionally with alpha, filled with raw samples. */
    static BufferedImage gray(int width, int height, int dataType, boolean alpha, int graySample, int alphaSample) {
        ColorSpace space = ColorSpace.getInstance(ColorSpace.CS_GRAY);
        int transparency = alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE;
        return filledRaw(new ComponentColorModel(space, alpha, false, transparency, dataType), width, height,
                alpha ? new int[] {graySample, alphaSample} : new int[] {graySample});
    }

    /** Creates an sRGB image with 16-bit samples per channel, filled with raw samples. */
    static BufferedImage rgb16(int width, int height, int red, int green, int blue) {
        ColorSpace space = ColorSpace.getInstance(ColorSpace.CS_sRGB);
        ComponentColorModel model = new ComponentColorModel(space, false, false, Transparency.OPAQUE,
                DataBuffer.TYPE_USHORT);
        return filledRaw(model, width, height, new int[] {red, green, blue});
    }

    /** Creates a palette image whose pixels all use palette entry {@code index}. */
    static BufferedImage indexed(int width, int height, IndexColorModel palette, int index) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, palette);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, index);
            }
        }
        return image;
    }

    /**
     * Creates a plane whose values change smoothly, 0.5 + 0.35 sin(2 pi x / width) cos(2 pi y / height), so
     * that resizing it up and back down loses little.
     */
    static float[] smoothPattern(int width, int height) {
        float[] plane = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                plane[y * width + x] = (float) (0.5 + 0.35 * Math.sin(2 * Math.PI * x / width)
                        * Math.cos(2 * Math.PI * y / height));
            }
        }
        return plane;
    }

    /** Creates an 8-bit gray image from a plane of values in [0, 1], rounded to the nearest level. */
    static BufferedImage grayFromPlane(float[] plane, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, Math.round(plane[y * width + x] * 255));
            }
        }
        return image;
    }

    private static BufferedImage filledRaw(ComponentColorModel model, int width, int height, int[] samples) {
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, samples);
            }
        }
        return new BufferedImage(model, raster, false, null);
    }
}
