package io.edgeinfer.compression.eval;

import io.edgeinfer.compression.arch.NetworkGraph;
import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.arch.WeightSet;
import io.edgeinfer.compression.data.Dataset;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A network and its weights in an inference graph of its own, for computing logits in the toolkit, such as a
 * teacher's targets or a network's accuracy before it is exported. Batch-norm layers use their moving averages.
 *
 * <p>Not thread-safe. Close it to free the TensorFlow session.
 */
public final class NetworkRunner implements AutoCloseable {

    private static final int BATCH_SIZE = 500;

    private final NetworkSpec spec;
    private final Graph graph;
    private final Session session;
    private final Placeholder<TFloat32> input;
    private final NetworkGraph network;

    public NetworkRunner(NetworkSpec spec, WeightSet weights) {
        this.spec = spec;
        this.graph = new Graph();
        Ops tf = Ops.create(graph);
        this.input = tf.withName("input").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, spec.height(), spec.width(), spec.channels())));
        this.network = NetworkGraph.build(tf, spec, input, NetworkGraph.Mode.INFERENCE, tf.constant(0f), 0);
        this.session = new Session(graph);
        network.assign(session, weights);
    }

    /**
     * Returns the logits of {@code count} NHWC images, {@code classes} values per image in image order.
     *
     * @param images at least {@code count} images back to back
     */
    public float[] logits(float[] images, int count) {
        int pixels = spec.height() * spec.width() * spec.channels();
        float[] logits = new float[count * spec.classes()];
        for (int start = 0; start < count; start += BATCH_SIZE) {
            int size = Math.min(BATCH_SIZE, count - start);
            try (TFloat32 x = TFloat32.tensorOf(Shape.of(size, spec.height(), spec.width(), spec.channels()),
                            DataBuffers.of(images, true, false).slice((long) start * pixels, (long) size * pixels));
                    Result result = session.runner().feed(input, x).fetch(network.logits()).run()) {
                ((TFloat32) result.get(0)).copyTo(
                        DataBuffers.of(logits, false, false).slice((long) start * spec.classes(),
                                (long) size * spec.classes()));
            }
        }
        return logits;
    }

    /** Returns the fraction of {@code data} whose highest logit is the true label. */
    public double accuracy(Dataset data) {
        float[] logits = logits(data.pixels(), data.size());
        int classes = spec.classes();
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (logits[i * classes + c] > logits[i * classes + best]) {
                    best = c;
                }
            }
            if (best == data.labels()[i]) {
                correct++;
            }
        }
        return (double) correct / data.size();
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
