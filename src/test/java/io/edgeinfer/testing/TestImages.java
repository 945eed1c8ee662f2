package io.edgeinfer.testing;

import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.data.FashionMnist;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Real Fashion-MNIST test images, encoded the ways clients send them. The data set comes from the Debian package
 * {@code dataset-fashion-mnist}.
 */
public final class TestImages {

    private static Dataset test;

    private TestImages() {
    }

    /** Returns the 10,000 test images, read once per test JVM. */
    public static synchronized Dataset test() {
        if (test == null) {
            try {
                test = FashionMnist.test(FashionMnist.DEFAULT_DIR);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return test;
    }

    /** Returns image {@code index} as an 8-bit grayscale image. */
    public static BufferedImage gray(int index) {
        float[] pixels = test().image(index);
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                image.getRaster().setSample(x, y, 0, Math.round(pixels[y * 28 + x] * 255));
            }
        }
        return image;
    }

    /** Returns image {@code index} drawn into an image of another type and size, smoothly interpolated. */
    public static BufferedImage convert(int index, int type, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, type);
        Graphics2D graphics = target.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(gray(index), 0, 0, width, height, null);
        graphics.dispose();
        return target;
    }

    public static byte[] png(BufferedImage image) {
        return write(image, "png");
    }

    /** Encodes a JPEG at quality 0.95. */
    public static byte[] jpeg(BufferedImage image) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Returns image {@code index} as the JSON tensor {@code {"shape":[28,28,1],"data":[...]}}. */
    public static String tensorJson(int index) {
        float[] pixels = test().image(index);
        StringBuilder json = new StringBuilder("{\"shape\":[28,28,1],\"data\":[");
        for (int i = 0; i < pixels.length; i++) {
            json.append(i == 0 ? "" : ",").append(pixels[i]);
        }
        return json.append("]}").toString();
    }

    public static int label(int index) {
        return test().labels()[index];
    }
}
