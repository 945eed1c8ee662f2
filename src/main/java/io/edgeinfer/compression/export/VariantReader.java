package io.edgeinfer.compression.export;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.arch.WeightSet;
import io.edgeinfer.model.Checksums;
import io.edgeinfer.model.ModelVariant;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Reads a variant made by the toolkit back into a network spec and its float weights, so that a technique can
 * start from it. The spec comes from the manifest's {@code architecture}, the weights from the SavedModel's
 * variables, looked up by name.
 */
public final class VariantReader {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A network and its weights. */
    public record TrainedNetwork(NetworkSpec spec, WeightSet weights) {
    }

    private VariantReader() {
    }

    /**
     * Reads a variant after checking its files against the manifest.
     *
     * @throws IllegalArgumentException if the manifest has no architecture, or a weight is missing or not float32
     */
    public static TrainedNetwork read(ModelVariant variant) {
        Checksums.verify(variant.dir(), variant.manifest());
        Map<String, Object> architecture = variant.manifest().architecture();
        if (architecture == null) {
            throw new IllegalArgumentException("Variant " + variant.id() + " has no architecture in its manifest;"
                    + " only variants made by the edgeinfer toolkit can be read back");
        }
        NetworkSpec spec = MAPPER.convertValue(architecture, NetworkSpec.class);
        try (SavedModelBundle bundle = SavedModelBundle.load(variant.dir().toString(), SavedModelBundle.DEFAULT_TAG)) {
            return new TrainedNetwork(spec, readWeights(bundle.session(), spec, variant));
        }
    }

    private static WeightSet readWeights(Session session, NetworkSpec spec, ModelVariant variant) {
        List<String> names = List.copyOf(spec.variableShapes().keySet());
        Session.Runner runner = session.runner();
        names.forEach(runner::fetch);
        WeightSet weights = new WeightSet();
        try (Result result = runner.run()) {
            for (int i = 0; i < names.size(); i++) {
                if (!(result.get(i) instanceof TFloat32 tensor)) {
                    throw new IllegalArgumentException("Variable " + names.get(i) + " of variant " + variant.id()
                            + " is not float32, so the variant cannot be a starting point");
                }
                float[] values = new float[Math.toIntExact(tensor.size())];
                tensor.copyTo(DataBuffers.of(values, false, false));
                weights.put(names.get(i), new WeightSet.Weight(tensor.shape().asArray(), values));
            }
        }
        return weights;
    }
}
