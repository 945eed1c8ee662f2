package io.edgeinfer.cli.demo;

import io.edgeinfer.compression.data.Dataset;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Encodes data set images as 8-bit grayscale PNG files, the way a camera client would send them. */
public final class PngFrames {

    private PngFrames() {
    }

    /** Returns images {@code offset} to {@code offset + count - 1} as PNG frames with their labels. */
    public static List<DemoRun.Frame> of(Dataset data, int offset, int count) {
        if (offset < 0 || offset + count > data.size()) {
            throw new IllegalArgumentException("Images " + offset + " to " + (offset + count - 1) + " are outside "
                    + data.name() + ", which has " + data.size() + "; lower --count or --offset");
        }
        List<DemoRun.Frame> frames = new ArrayList<>(count);
        for (int i = offset; i < offset + count; i++) {
            frames.add(new DemoRun.Frame(encode(data.image(i), data.width(), data.height()), data.labels()[i]));
        }
        return frames;
    }

    /** Encodes one image of values in [0, 1] as an 8-bit grayscale PNG. */
    public static byte[] encode(float[] pixels, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, Math.round(pixels[y * width + x] * 255f));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
        return png.toByteArray();
    }
}
