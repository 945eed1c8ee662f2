package io.edgeinfer.compression.data;

import java.util.Arrays;
import java.util.List;

/**
 * Labelled grayscale images held in memory, in NHWC order with one channel.
 *
 * @param name the data set and split, for example {@code fashion-mnist test}
 * @param pixels all images back to back, each {@code height * width} values in [0, 1]
 * @param labels the class index of each image
 * @param height image height in pixels
 * @param width image width in pixels
 * @param classNames the label of each class index
 */
public record Dataset(String name, float[] pixels, int[] labels, int height, int width, List<String> classNames) {

    public int size() {
        return labels.length;
    }

    public int pixelsPerImage() {
        return height * width;
    }

    /** Returns a copy of image {@code index}. */
    public float[] image(int index) {
        int length = pixelsPerImage();
        return Arrays.copyOfRange(pixels, index * length, (index + 1) * length);
    }

    /** Returns the first {@code count} examples, or all of them when there are fewer. */
    public Dataset head(int count) {
        int n = Math.min(count, size());
        return new Dataset(name + " (first " + n + ")", Arrays.copyOf(pixels, n * pixelsPerImage()),
                Arrays.copyOf(labels, n), height, width, classNames);
    }

    /** Returns a copy with every image mirrored left to right, as the training augmentation mirrors them. */
    public Dataset mirrored() {
        float[] flipped = new float[pixels.length];
        for (int image = 0; image < size(); image++) {
            int offset = image * pixelsPerImage();
            for (int row = 0; row < height; row++) {
                for (int column = 0; column < width; column++) {
                    flipped[offset + row * width + column] = pixels[offset + row * width + (width - 1 - column)];
                }
            }
        }
        return new Dataset(name + " (mirrored)", flipped, labels, height, width, classNames);
    }
}
