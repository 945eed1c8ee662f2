package io.edgeinfer.compression.train;

import io.edgeinfer.compression.data.Dataset;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Top-1 accuracy of a network in a live session. */
public final class Evaluator {

    private static final int BATCH_SIZE = 1000;

    private Evaluator() {
    }

    /** Returns the fraction of {@code data} whose highest logit is the true label. */
    public static double accuracy(Session session, Operand<TFloat32> input, Operand<TFloat32> logits, Dataset data) {
        int correct = 0;
        int pixels = data.pixelsPerImage();
        for (int start = 0; start < data.size(); start += BATCH_SIZE) {
            int size = Math.min(BATCH_SIZE, data.size() - start);
            float[] batch = new float[size * pixels];
            System.arraycopy(data.pixels(), start * pixels, batch, 0, batch.length);
            try (TFloat32 x = TFloat32.tensorOf(Shape.of(size, data.height(), data.width(), 1),
                            DataBuffers.of(batch, true, false));
                    Result result = session.runner().feed(input, x).fetch(logits).run()) {
                TFloat32 scores = (TFloat32) result.get(0);
                for (int i = 0; i < size; i++) {
                    if (argmax(scores, i) == data.labels()[start + i]) {
                        correct++;
                    }
                }
            }
        }
        return (double) correct / data.size();
    }

    private static int argmax(TFloat32 scores, int row) {
        long classes = scores.shape().get(1);
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (scores.getFloat(row, c) > scores.getFloat(row, best)) {
                best = c;
            }
        }
        return best;
    }
}
