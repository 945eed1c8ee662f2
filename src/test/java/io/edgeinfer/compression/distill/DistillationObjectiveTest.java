package io.edgeinfer.compression.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.compression.train.BatchSampler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Checks the distillation loss on a batch of two examples and three classes against values worked out by hand.
 * Example 0 uses the teacher's plain logits and example 1 its mirrored ones, so a mix-up of the two views changes
 * the result.
 */
class DistillationObjectiveTest {

    private static final float[][] STUDENT_LOGITS = {{1f, 2f, 0.5f}, {0f, -1f, 3f}};
    private static final int[] LABELS = {1, 2};
    private static final TeacherTargets TEACHER = new TeacherTargets(
            new float[] {2f, 1f, 0f, 0.5f, 0.5f, -1f},
            new float[] {9f, 9f, 9f, 3f, 0f, 1f}, 3);
    private static final BatchSampler.Batch BATCH = new BatchSampler.Batch(new float[0], LABELS, new int[] {0, 1},
            new boolean[] {false, true});

    /**
     * At T = 2 the soft targets are softmax([1, 0.5, 0]) = [0.5065, 0.3072, 0.1863] and softmax([1.5, 0, 0.5])
     * = [0.6285, 0.1402, 0.2312]. The student's softened outputs are [0.2918, 0.4810, 0.2272] and
     * [0.1643, 0.0996, 0.7361], so KL is 0.1047 and 0.6236, with a mean of 0.364156. The cross-entropy against
     * the labels is -ln(0.6285) = 0.4644 and -ln(0.9362) = 0.0658, with a mean of 0.265126.
     */
    private static final double MEAN_KL = 0.364156;
    private static final double MEAN_CROSS_ENTROPY = 0.265126;

    @Test
    void lossMatchesHandComputation() {
        assertEquals(0.7 * 4 * MEAN_KL + 0.3 * MEAN_CROSS_ENTROPY, loss(2f, 0.7f), 1e-5);
        assertEquals(1.099175, loss(2f, 0.7f), 1e-5);
    }

    @Test
    void alphaZeroIsCrossEntropy() {
        assertEquals(MEAN_CROSS_ENTROPY, loss(2f, 0f), 1e-5);
    }

    @Test
    void alphaOneIsScaledDivergence() {
        assertEquals(4 * MEAN_KL, loss(2f, 1f), 1e-5);
    }

    @Test
    void invalidSettingsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DistillationObjective(TEACHER, 0f, 0.5f));
        assertThrows(IllegalArgumentException.class, () -> new DistillationObjective(TEACHER, 2f, 1.5f));
    }

    private static double loss(float temperature, float alpha) {
        DistillationObjective objective = new DistillationObjective(TEACHER, temperature, alpha);
        float[] flat = {STUDENT_LOGITS[0][0], STUDENT_LOGITS[0][1], STUDENT_LOGITS[0][2],
            STUDENT_LOGITS[1][0], STUDENT_LOGITS[1][1], STUDENT_LOGITS[1][2]};
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Operand<TFloat32> logits = tf.constant(Shape.of(2, 3), DataBuffers.of(flat));
            Operand<TInt32> labels = tf.constant(LABELS);
            Operand<TFloat32> loss = objective.loss(tf, logits, labels, 3);
            List<Tensor> created = new ArrayList<>();
            try (Session session = new Session(graph)) {
                Session.Runner runner = session.runner();
                objective.feed(runner, BATCH, created);
                try (Result result = runner.fetch(loss).run()) {
                    return ((TFloat32) result.get(0)).getFloat();
                }
            } finally {
                created.forEach(Tensor::close);
            }
        }
    }
}
