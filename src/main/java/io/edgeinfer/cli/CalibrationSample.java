package io.edgeinfer.cli;

import io.edgeinfer.compression.data.Dataset;
import java.util.SplittableRandom;

/** A seeded random sample of a data set, for calibration. */
final class CalibrationSample {

    private CalibrationSample() {
    }

    /** Returns {@code count} distinct examples of {@code data} chosen with {@code seed}, or all when fewer. */
    static Dataset draw(Dataset data, int count, long seed) {
        int n = Math.min(count, data.size());
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(order.length - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int pixels = data.pixelsPerImage();
        float[] images = new float[n * pixels];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data.pixels(), order[i] * pixels, images, i * pixels, pixels);
            labels[i] = data.labels()[order[i]];
        }
        return new Dataset(data.name() + " (" + n + " sampled)", images, labels, data.height(), data.width(),
                data.classNames());
    }
}
