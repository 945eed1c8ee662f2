package io.edgeinfer.compression.testing;

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

/** Runs a float network's inference graph in TensorFlow, for tests that compare networks. */
public final class Logits {

    private Logits() {
    }

    /** Returns the logits of every image, flattened in image order. */
    public static float[] of(NetworkSpec spec, WeightSet weights, Dataset images) {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> input = tf.placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, spec.height(), spec.width(), spec.channels())));
            NetworkGraph network = NetworkGraph.build(tf, spec, input, NetworkGraph.Mode.INFERENCE, tf.constant(0f),
                    0);
            try (Session session = new Session(graph);
                    TFloat32 x = TFloat32.tensorOf(Shape.of(images.size(), images.height(), images.width(), 1),
                            DataBuffers.of(images.pixels(), true, false))) {
                network.assign(session, weights);
                try (Result result = session.runner().feed(input, x).fetch(network.logits()).run()) {
                    TFloat32 logits = (TFloat32) result.get(0);
                    float[] values = new float[Math.toIntExact(logits.size())];
                    logits.copyTo(DataBuffers.of(values, false, false));
                    return values;
                }
            }
        }
    }
}
