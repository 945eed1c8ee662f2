package io.edgeinfer.compression.export;

import io.edgeinfer.compression.arch.NetworkGraph;
import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.arch.WeightSet;
import java.io.IOException;
import java.nio.file.Path;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Writes a network and its weights as a SavedModel built from an inference-only graph.
 *
 * <p>The graph has no loss, optimizer or dropout, so the SavedModel holds one copy of each weight and nothing
 * else. Exporting the training session would also save Adam's two moment slots per weight.
 */
public final class SavedModelWriter {

    /** Signature and tensor names that every variant made by the toolkit uses. */
    public static final String SIGNATURE_KEY = Signature.DEFAULT_KEY;
    public static final String INPUT_NAME = "input";
    public static final String PROBABILITIES_NAME = "probabilities";
    public static final String LOGITS_NAME = "logits";

    private SavedModelWriter() {
    }

    /** Exports into {@code dir}, which must not exist yet. */
    public static void write(NetworkSpec spec, WeightSet weights, Path dir) throws IOException {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> input = tf.withName(INPUT_NAME).placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, spec.height(), spec.width(), spec.channels())));
            NetworkGraph network = NetworkGraph.build(tf, spec, input, NetworkGraph.Mode.INFERENCE,
                    tf.constant(0f), 0);
            var probabilities = tf.withName(PROBABILITIES_NAME).nn.softmax(network.logits());

            Signature signature = Signature.builder()
                    .key(SIGNATURE_KEY)
                    .input(INPUT_NAME, input)
                    .output(PROBABILITIES_NAME, probabilities)
                    .output(LOGITS_NAME, network.logits())
                    .build();
            try (Session session = new Session(graph)) {
                network.assign(session, weights);
                SavedModelBundle.exporter(dir.toString())
                        .withFunction(SessionFunction.create(signature, session))
                        .export();
            }
        }
    }
}
