package io.edgeinfer.compression.train;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The loss a run minimizes, and any tensors it needs fed with each batch beyond the images and labels, such as
 * a teacher's outputs for distillation.
 */
public interface Objective {

    /** Mean softmax cross-entropy against the labels. */
    Objective CROSS_ENTROPY = new Objective() {
        @Override
        public Operand<TFloat32> loss(Ops tf, Operand<TFloat32> logits, Operand<TInt32> labels, int classes) {
            return Losses.crossEntropy(tf, logits, labels, classes);
        }
    };

    /** Builds the scalar loss in the training graph; may add placeholders for {@link #feed}. */
    Operand<TFloat32> loss(Ops tf, Operand<TFloat32> logits, Operand<TInt32> labels, int classes);

    /**
     * Feeds the extra placeholders for one batch.
     *
     * @param created tensors this call creates; the trainer closes them after the step
     */
    default void feed(Session.Runner runner, BatchSampler.Batch batch, List<Tensor> created) {
    }
}
