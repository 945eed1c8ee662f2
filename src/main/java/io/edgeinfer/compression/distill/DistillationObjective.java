package io.edgeinfer.compression.distill;

import io.edgeinfer.compression.train.BatchSampler;
import io.edgeinfer.compression.train.Objective;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Knowledge distillation (Hinton, Vinyals and Dean, "Distilling the Knowledge in a Neural Network", 2015): the
 * student matches the teacher's softened outputs and the hard labels, with the batch mean of
 *
 * <pre>loss = alpha * T^2 * KL(softmax(teacher / T) || softmax(student / T)) + (1 - alpha) * CE(labels, student)</pre>
 *
 * <p>The T^2 factor keeps the soft term's gradients at the same scale for any temperature T. The KL term is the
 * cross-entropy of the student against the soft targets minus their entropy, which uses the same softmax
 * cross-entropy kernel as plain training, whose gradient TensorFlow 2.18's C++ registry has.
 *
 * <p>Use one instance per training run: {@link #loss} creates the teacher-logits placeholder that {@link #feed}
 * fills. Not thread-safe.
 */
public final class DistillationObjective implements Objective {

    private final TeacherTargets teacher;
    private final float temperature;
    private final float alpha;
    private Placeholder<TFloat32> teacherLogits;

    /**
     * Creates the loss for a student learning from {@code teacher}.
     *
     * @param temperature T, above 0. Higher values soften the targets
     * @param alpha the weight of the soft term, in [0, 1]. 0 gives plain cross-entropy
     */
    public DistillationObjective(TeacherTargets teacher, float temperature, float alpha) {
        if (!(temperature > 0) || !(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("Distillation needs a temperature above 0 and alpha in [0, 1]; got"
                    + " temperature " + temperature + " and alpha " + alpha);
        }
        this.teacher = teacher;
        this.temperature = temperature;
        this.alpha = alpha;
    }

    @Override
    public Operand<TFloat32> loss(Ops tf, Operand<TFloat32> logits, Operand<TInt32> labels, int classes) {
        if (classes != teacher.classes()) {
            throw new IllegalArgumentException("The student has " + classes + " classes but the teacher has "
                    + teacher.classes());
        }
        Ops scope = tf.withSubScope("distillation");
        teacherLogits = scope.withName("teacher_logits").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, classes)));
        Operand<TFloat32> inverseTemperature = scope.constant(1f / temperature);
        Operand<TFloat32> softTargets = scope.nn.softmax(scope.math.mul(teacherLogits, inverseTemperature));
        Operand<TFloat32> softCrossEntropy = scope.nn.softmaxCrossEntropyWithLogits(
                scope.math.mul(logits, inverseTemperature), softTargets).loss();
        Operand<TFloat32> targetEntropy = scope.math.neg(scope.reduceSum(scope.math.mul(softTargets,
                scope.nn.logSoftmax(scope.math.mul(teacherLogits, inverseTemperature))), scope.constant(1)));
        Operand<TFloat32> divergence = scope.math.mean(scope.math.sub(softCrossEntropy, targetEntropy),
                scope.constant(0));

        Operand<TFloat32> hard = scope.withName("hard_loss").math.mean(
                scope.nn.softmaxCrossEntropyWithLogits(logits, scope.oneHot(labels, scope.constant(classes),
                        scope.constant(1f), scope.constant(0f))).loss(), scope.constant(0));
        Operand<TFloat32> soft = scope.withName("soft_loss").math.mul(divergence,
                scope.constant(alpha * temperature * temperature));
        return tf.withName("loss").math.add(soft, scope.math.mul(hard, scope.constant(1f - alpha)));
    }

    @Override
    public void feed(Session.Runner runner, BatchSampler.Batch batch, List<Tensor> created) {
        int classes = teacher.classes();
        float[] values = new float[batch.size() * classes];
        for (int i = 0; i < batch.size(); i++) {
            teacher.copyLogits(batch.examples()[i], batch.mirrored()[i], values, i * classes);
        }
        TFloat32 tensor = TFloat32.tensorOf(Shape.of(batch.size(), classes), DataBuffers.of(values, true, false));
        created.add(tensor);
        runner.feed(teacherLogits, tensor);
    }
}
