package io.edgeinfer.compression.quant;

import io.edgeinfer.compression.arch.LayerOps;
import io.edgeinfer.compression.arch.LayerSpec;
import io.edgeinfer.compression.arch.WeightedLayers;
import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.arch.WeightSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * An inference graph of a {@link NetworkSpec} in which each layer runs at the precision of its {@link LayerPlan}.
 * Layers without a plan stay float32. Dropout is left out, as in every inference graph.
 */
public final class QuantizedGraph {

    private final EncodedWeights weights;
    private final Map<String, Operand<TFloat32>> layerInputs = new LinkedHashMap<>();
    private final Operand<TFloat32> logits;

    private QuantizedGraph(Ops tf, NetworkSpec spec, WeightSet values, Map<String, LayerPlan> plans,
            Operand<TFloat32> input) {
        this.weights = new EncodedWeights(tf);
        Operand<TFloat32> x = input;
        for (LayerSpec layer : spec.layers()) {
            if (layer instanceof LayerSpec.Dropout) {
                continue;
            }
            String name = WeightedLayers.nameOf(layer);
            if (name == null) {
                x = LayerOps.apply(tf, layer, x, Map.of());
                continue;
            }
            layerInputs.put(name, x);
            x = applyWeighted(tf, layer, name, values, plans.getOrDefault(name, LayerPlan.FLOAT32), x);
        }
        this.logits = tf.withName("logits").identity(x);
    }

    /**
     * Builds the graph on {@code input}.
     *
     * @param plans the precision of each weighted layer, keyed by layer name
     * @throws IllegalArgumentException if a plan requests int8 compute for a layer other than Conv2D
     */
    public static QuantizedGraph build(Ops tf, NetworkSpec spec, WeightSet weights, Map<String, LayerPlan> plans,
            Operand<TFloat32> input) {
        return new QuantizedGraph(tf, spec, weights, plans, input);
    }

    public Operand<TFloat32> logits() {
        return logits;
    }

    /** Returns the input of each layer with weights, keyed by layer name, for calibration. */
    public Map<String, Operand<TFloat32>> layerInputs() {
        return layerInputs;
    }

    /** Sets every variable; call once per session before running it. */
    public void assign(Session session) {
        weights.assign(session);
    }

    private Operand<TFloat32> applyWeighted(Ops tf, LayerSpec layer, String name, WeightSet values, LayerPlan plan,
            Operand<TFloat32> x) {
        if (plan.precision() == Precision.INT8_COMPUTE) {
            if (!(layer instanceof LayerSpec.Conv2D conv)) {
                throw new IllegalArgumentException("Layer " + name + " cannot run in int8: TensorFlow's quantized"
                        + " kernels are used for Conv2D layers only");
            }
            Ops scope = weights.scopeOf(name + "/kernel");
            Operand<TFloat32> y = Int8Conv.convolve(scope, conv, values.get(name + "/kernel"), plan, x);
            if (conv.bias()) {
                y = scope.nn.biasAdd(y, weights.float32(name + "/bias", values.get(name + "/bias")));
            }
            return LayerOps.activate(scope, y, conv.activation());
        }

        Map<String, Operand<TFloat32>> operands = new HashMap<>();
        for (String weight : new String[] {name + "/kernel", name + "/bias"}) {
            if (values.contains(weight)) {
                operands.put(weight, encode(weight, values.get(weight), plan.precision()));
            }
        }
        return LayerOps.apply(tf, layer, x, operands);
    }

    /** Biases stay float32 under int8, as in TensorFlow Lite, since they are few and sum at int32 precision. */
    private Operand<TFloat32> encode(String name, WeightSet.Weight value, Precision precision) {
        boolean kernel = name.endsWith("/kernel");
        return switch (precision) {
            case FLOAT32, INT8_COMPUTE -> weights.float32(name, value);
            case FLOAT16 -> weights.float16(name, value);
            case INT8_WEIGHTS -> kernel ? weights.int8(name, Int8Quantizer.perChannel(value))
                    : weights.float32(name, value);
        };
    }
}
