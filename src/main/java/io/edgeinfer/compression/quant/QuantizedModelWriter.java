package io.edgeinfer.compression.quant;

import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.arch.WeightSet;
import io.edgeinfer.compression.export.SavedModelWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
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
 * Writes a network as a SavedModel with each layer at the precision of its plan. The serving signature is the same
 * as {@link SavedModelWriter}'s: float32 {@code input} in, {@code probabilities} and {@code logits} out, so the
 * runtime loads the result unchanged.
 */
public final class QuantizedModelWriter {

    private QuantizedModelWriter() {
    }

    /** Exports into {@code dir}, which must not exist yet. */
    public static void write(NetworkSpec spec, WeightSet weights, Map<String, LayerPlan> plans, Path dir)
            throws IOException {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> input = tf.withName(SavedModelWriter.INPUT_NAME).placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, spec.height(), spec.width(), spec.channels())));
            QuantizedGraph network = QuantizedGraph.build(tf, spec, weights, plans, input);
            var probabilities = tf.withName(SavedModelWriter.PROBABILITIES_NAME).nn.softmax(network.logits());

            Signature signature = Signature.builder()
                    .key(SavedModelWriter.SIGNATURE_KEY)
                    .input(SavedModelWriter.INPUT_NAME, input)
                    .output(SavedModelWriter.PROBABILITIES_NAME, probabilities)
                    .output(SavedModelWriter.LOGITS_NAME, network.logits())
                    .build();
            try (Session session = new Session(graph)) {
                network.assign(session);
                SavedModelBundle.exporter(dir.toString())
                        .withFunction(SessionFunction.create(signature, session))
                        .export();
            }
        }
    }
}
