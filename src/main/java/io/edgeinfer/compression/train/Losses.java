package io.edgeinfer.compression.train;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Loss functions for classification. */
final class Losses {

    private Losses() {
    }

    /**
     * Returns the mean softmax cross-entropy of {@code logits} against integer labels.
     *
     * <p>Uses the dense-label kernel with one-hot labels because TensorFlow 2.18's C++ gradient registry has
     * no gradient for the sparse-label kernel, and graph-mode training in Java relies on that registry.
     */
    static Operand<TFloat32> crossEntropy(Ops tf, Operand<TFloat32> logits, Operand<TInt32> labels, int classes) {
        Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(classes), tf.constant(1f), tf.constant(0f));
        Operand<TFloat32> perExample = tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss();
        return tf.withName("loss").math.mean(perExample, tf.constant(0));
    }
}
