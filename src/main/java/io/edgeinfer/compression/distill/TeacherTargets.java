package io.edgeinfer.compression.distill;

import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.eval.NetworkRunner;
import io.edgeinfer.compression.export.VariantReader;

/**
 * A teacher's logits for every training image, as it is and mirrored left to right, computed once before the
 * student trains. The training augmentation only mirrors, so these two cover every image a student trains on, and
 * the teacher runs once per image instead of once per step.
 *
 * <p>Memory: {@code 2 * examples * classes} floats, 4.8 MB for Fashion-MNIST's 60,000 training images.
 */
public final class TeacherTargets {

    private final float[] plain;
    private final float[] mirrored;
    private final int classes;

    /**
     * Wraps precomputed logits.
     *
     * @param plain the logits of each example in order, {@code classes} values each
     * @param mirrored the logits of each example mirrored left to right, in the same layout
     */
    public TeacherTargets(float[] plain, float[] mirrored, int classes) {
        if (plain.length != mirrored.length || plain.length % classes != 0) {
            throw new IllegalArgumentException("Teacher logits need " + classes + " values per example for both"
                    + " views; got " + plain.length + " plain and " + mirrored.length + " mirrored values");
        }
        this.plain = plain;
        this.mirrored = mirrored;
        this.classes = classes;
    }

    /** Runs {@code teacher} on every image of {@code training} and on its mirror image. */
    public static TeacherTargets compute(VariantReader.TrainedNetwork teacher, Dataset training) {
        try (NetworkRunner runner = new NetworkRunner(teacher.spec(), teacher.weights())) {
            float[] plain = runner.logits(training.pixels(), training.size());
            float[] mirrored = runner.logits(training.mirrored().pixels(), training.size());
            return new TeacherTargets(plain, mirrored, teacher.spec().classes());
        }
    }

    public int classes() {
        return classes;
    }

    public int examples() {
        return plain.length / classes;
    }

    /** Copies the logits of {@code example}, mirrored or not, into {@code target} at {@code offset}. */
    public void copyLogits(int example, boolean mirror, float[] target, int offset) {
        System.arraycopy(mirror ? mirrored : plain, example * classes, target, offset, classes);
    }

    /** Returns the fraction of examples whose highest plain logit is the label, a check that the cache fits. */
    public double accuracy(int[] labels) {
        int correct = 0;
        for (int example = 0; example < labels.length; example++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (plain[example * classes + c] > plain[example * classes + best]) {
                    best = c;
                }
            }
            if (best == labels[example]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }
}
