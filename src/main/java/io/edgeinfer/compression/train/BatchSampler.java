package io.edgeinfer.compression.train;

import io.edgeinfer.compression.data.Dataset;
import java.util.SplittableRandom;

/**
 * Draws shuffled mini-batches from a data set, with optional left-right mirroring. The same seed gives the same
 * batches. Not thread-safe.
 */
public final class BatchSampler {

    private final Dataset data;
    private final int batchSize;
    private final boolean flip;
    private final SplittableRandom random;
    private final int[] order;
    private int position;

    BatchSampler(Dataset data, int batchSize, boolean flip, long seed) {
        this.data = data;
        this.batchSize = batchSize;
        this.flip = flip;
        this.random = new SplittableRandom(seed);
        this.order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
    }

    /** Returns the number of batches in one epoch; the last one may be smaller. */
    int batchesPerEpoch() {
        return (data.size() + batchSize - 1) / batchSize;
    }

    /** Shuffles the examples; call at the start of each epoch. */
    void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        position = 0;
    }

    /**
     * A batch of images in NHWC order with their labels.
     *
     * @param examples the data set index of each image, for objectives that look up per-example targets
     * @param mirrored whether each image was mirrored left-right
     */
    public record Batch(float[] images, int[] labels, int[] examples, boolean[] mirrored) {

        public int size() {
            return labels.length;
        }
    }

    /** Returns the next batch of this epoch. */
    Batch next() {
        int size = Math.min(batchSize, order.length - position);
        int pixels = data.pixelsPerImage();
        float[] images = new float[size * pixels];
        int[] labels = new int[size];
        int[] examples = new int[size];
        boolean[] mirrored = new boolean[size];
        for (int k = 0; k < size; k++) {
            int example = order[position + k];
            mirrored[k] = flip && random.nextBoolean();
            copyImage(example, images, k * pixels, mirrored[k]);
            labels[k] = data.labels()[example];
            examples[k] = example;
        }
        position += size;
        return new Batch(images, labels, examples, mirrored);
    }

    private void copyImage(int example, float[] target, int offset, boolean mirror) {
        int width = data.width();
        int source = example * data.pixelsPerImage();
        if (!mirror) {
            System.arraycopy(data.pixels(), source, target, offset, data.pixelsPerImage());
            return;
        }
        for (int row = 0; row < data.height(); row++) {
            for (int column = 0; column < width; column++) {
                target[offset + row * width + column] = data.pixels()[source + row * width + (width - 1 - column)];
            }
        }
    }
}
