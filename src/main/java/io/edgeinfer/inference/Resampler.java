package io.edgeinfer.inference;

/**
 * Resizes one float plane to a target size, scaling each axis independently as
 * {@link io.edgeinfer.model.Preprocessing.ResizeMode#STRETCH} requires.
 *
 * <p>An axis that shrinks is area-averaged: each target pixel is the mean of the source pixels it covers, each
 * weighted by the fraction of it that lies inside (a box filter). An axis that grows is interpolated linearly
 * between source pixel centres, with edge pixels repeated. An axis of equal size is copied. Shrinking this way
 * keeps thin strokes that point sampling would skip, and enlarging then shrinking back returns nearly the
 * original for images without sharp edges.
 *
 * <p>Thread safety: stateless. The source plane is only read.
 */
final class Resampler {

    private Resampler() {
    }

    /**
     * Returns a new plane of {@code targetWidth x targetHeight} values in row-major order.
     *
     * @throws IllegalArgumentException if a size is not positive or the source length is not width x height
     */
    static float[] resize(float[] source, int sourceWidth, int sourceHeight, int targetWidth, int targetHeight) {
        if (sourceWidth <= 0 || sourceHeight <= 0 || targetWidth <= 0 || targetHeight <= 0) {
            throw new IllegalArgumentException("Sizes must be positive, but are " + sourceWidth + "x"
                    + sourceHeight + " to " + targetWidth + "x" + targetHeight);
        }
        if (source.length != sourceWidth * sourceHeight) {
            throw new IllegalArgumentException("Source plane has " + source.length + " values, but "
                    + sourceWidth + "x" + sourceHeight + " needs " + sourceWidth * sourceHeight);
        }

        float[] plane = source.clone();
        if (targetWidth != sourceWidth) {
            plane = resizeRows(plane, sourceWidth, sourceHeight, AxisWeights.of(sourceWidth, targetWidth));
        }
        if (targetHeight != sourceHeight) {
            plane = resizeColumns(plane, targetWidth, sourceHeight, AxisWeights.of(sourceHeight, targetHeight));
        }
        return plane;
    }

    private static float[] resizeRows(float[] source, int sourceWidth, int height, AxisWeights weights) {
        int targetWidth = weights.targetSize();
        float[] out = new float[targetWidth * height];
        for (int y = 0; y < height; y++) {
            int sourceRow = y * sourceWidth;
            int targetRow = y * targetWidth;
            for (int x = 0; x < targetWidth; x++) {
                int first = weights.first()[x];
                float[] taps = weights.taps()[x];
                float sum = 0;
                for (int k = 0; k < taps.length; k++) {
                    sum += taps[k] * source[sourceRow + first + k];
                }
                out[targetRow + x] = sum;
            }
        }
        return out;
    }

    private static float[] resizeColumns(float[] source, int width, int sourceHeight, AxisWeights weights) {
        int targetHeight = weights.targetSize();
        float[] out = new float[width * targetHeight];
        for (int y = 0; y < targetHeight; y++) {
            int first = weights.first()[y];
            float[] taps = weights.taps()[y];
            int targetRow = y * width;
            // Walk whole source rows so that memory is read in order.
            for (int k = 0; k < taps.length; k++) {
                int sourceRow = (first + k) * width;
                float tap = taps[k];
                for (int x = 0; x < width; x++) {
                    out[targetRow + x] += tap * source[sourceRow + x];
                }
            }
        }
        return out;
    }

    /**
     * The source pixels and weights behind each target pixel along one axis: target pixel i is the sum of
     * {@code taps[i][k] * source[first[i] + k]}.
     */
    private record AxisWeights(int targetSize, int[] first, float[][] taps) {

        static AxisWeights of(int sourceSize, int targetSize) {
            return targetSize < sourceSize ? area(sourceSize, targetSize) : linear(sourceSize, targetSize);
        }

        /** Box filter: target pixel i covers source coordinates [i * scale, (i + 1) * scale). */
        private static AxisWeights area(int sourceSize, int targetSize) {
            double scale = (double) sourceSize / targetSize;
            int[] first = new int[targetSize];
            float[][] taps = new float[targetSize][];
            for (int i = 0; i < targetSize; i++) {
                double start = i * scale;
                double end = Math.min((i + 1) * scale, sourceSize);
                int firstPixel = (int) Math.floor(start);
                int endPixel = Math.min((int) Math.ceil(end), sourceSize);

                first[i] = firstPixel;
                taps[i] = new float[endPixel - firstPixel];
                for (int j = firstPixel; j < endPixel; j++) {
                    double covered = Math.min(end, j + 1) - Math.max(start, j);
                    taps[i][j - firstPixel] = (float) (covered / scale);
                }
            }
            return new AxisWeights(targetSize, first, taps);
        }

        /** Linear interpolation between the two source pixel centres around each target pixel centre. */
        private static AxisWeights linear(int sourceSize, int targetSize) {
            double scale = (double) sourceSize / targetSize;
            int[] first = new int[targetSize];
            float[][] taps = new float[targetSize][];
            for (int i = 0; i < targetSize; i++) {
                double position = (i + 0.5) * scale - 0.5;
                int left = (int) Math.floor(position);
                if (left < 0) {
                    first[i] = 0;
                    taps[i] = new float[] {1f};
                } else if (left >= sourceSize - 1) {
                    first[i] = sourceSize - 1;
                    taps[i] = new float[] {1f};
                } else {
                    float fraction = (float) (position - left);
                    first[i] = left;
                    taps[i] = new float[] {1f - fraction, fraction};
                }
            }
            return new AxisWeights(targetSize, first, taps);
        }
    }
}
