package io.edgeinfer.compression.arch;

import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The TensorFlow operations of a {@link LayerSpec.BatchNorm} layer, built from primitive ops.
 *
 * <p>TensorFlow's fused batch-norm kernel is avoided because graph-mode training in Java takes gradients from
 * the C++ gradient registry, and every op used here (mean, squared difference, rsqrt, multiply, add) has one
 * there in TensorFlow 2.18.
 */
final class BatchNormOps {

    private BatchNormOps() {
    }

    /**
     * Normalizes {@code x} per channel, the last axis, and applies the layer's activation.
     *
     * @param trainingPhase null in an inference graph, which uses the moving averages only. Otherwise a scalar
     *     that is 1 in a training step, which normalizes with the batch's own mean and variance, and 0 when
     *     evaluating, which uses the moving averages
     * @param updates receives, in a training graph, the ops that move the moving averages toward this batch's
     *     statistics; a training step must run them
     */
    static Operand<TFloat32> apply(Ops tf, LayerSpec.BatchNorm norm, Operand<TFloat32> x,
            Map<String, Variable<TFloat32>> vars, Operand<TFloat32> trainingPhase, List<Op> updates) {
        Ops scope = tf.withSubScope(norm.name());
        Variable<TFloat32> gamma = vars.get(norm.name() + "/gamma");
        Variable<TFloat32> beta = vars.get(norm.name() + "/beta");
        Variable<TFloat32> movingMean = vars.get(norm.name() + "/moving_mean");
        Variable<TFloat32> movingVariance = vars.get(norm.name() + "/moving_variance");

        Operand<TFloat32> mean = movingMean;
        Operand<TFloat32> variance = movingVariance;
        if (trainingPhase != null) {
            Operand<TFloat32> batchMean = scope.math.mean(x, scope.constant(reductionAxes(x)));
            // The variance uses the mean as a constant, as tf.nn.moments does: its gradient through the mean is
            // zero anyway, because the deviations from a mean sum to zero.
            Operand<TFloat32> batchVariance = scope.math.mean(
                    scope.math.squaredDifference(x, scope.stopGradient(batchMean)), scope.constant(reductionAxes(x)));
            mean = blend(scope, trainingPhase, batchMean, movingMean);
            variance = blend(scope, trainingPhase, batchVariance, movingVariance);
            updates.add(movingAverage(scope, movingMean, batchMean, norm.momentum()));
            updates.add(movingAverage(scope, movingVariance, batchVariance, norm.momentum()));
        }

        Operand<TFloat32> scale = scope.math.mul(gamma,
                scope.math.rsqrt(scope.math.add(variance, scope.constant(norm.epsilon()))));
        Operand<TFloat32> shift = scope.math.sub(beta, scope.math.mul(mean, scale));
        Operand<TFloat32> y = scope.math.add(scope.math.mul(x, scale), shift);
        return LayerOps.activate(tf, y, norm.activation());
    }

    /** Returns every axis but the last: batch, height and width for NHWC, the batch for dense activations. */
    private static int[] reductionAxes(Operand<TFloat32> x) {
        int[] axes = new int[x.shape().numDimensions() - 1];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i;
        }
        return axes;
    }

    /** Returns {@code phase * batch + (1 - phase) * moving}, which is exact for a phase of 0 or 1. */
    private static Operand<TFloat32> blend(Ops tf, Operand<TFloat32> phase, Operand<TFloat32> batch,
            Operand<TFloat32> moving) {
        return tf.math.add(tf.math.mul(phase, batch), tf.math.mul(tf.math.sub(tf.constant(1f), phase), moving));
    }

    private static Op movingAverage(Ops tf, Variable<TFloat32> average, Operand<TFloat32> batchValue,
            float momentum) {
        Operand<TFloat32> next = tf.math.add(tf.math.mul(average, tf.constant(momentum)),
                tf.math.mul(batchValue, tf.constant(1f - momentum)));
        return tf.assign(average, next);
    }
}
