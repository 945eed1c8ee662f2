package io.edgeinfer.compression.quant;

import io.edgeinfer.compression.arch.WeightSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;
import org.tensorflow.types.family.TType;

/**
 * Weight variables in a chosen storage type, each read back as a float32 operand for the layer's kernel.
 *
 * <p>Values are fed through placeholders by {@link #assign}, as in {@code NetworkGraph}, so that each weight is
 * stored once, in {@code variables/}. Not thread-safe.
 */
final class EncodedWeights {

    /** One variable still to be set: its placeholder, the value to feed, and the assign op. */
    private record Pending(Placeholder<?> placeholder, Supplier<Tensor> value, Op assign) {
    }

    private final Ops tf;
    private final Map<String, Ops> layerScopes = new HashMap<>();
    private final List<Pending> pending = new ArrayList<>();

    EncodedWeights(Ops tf) {
        this.tf = tf;
    }

    /** Adds a float32 variable {@code name}. */
    Operand<TFloat32> float32(String name, WeightSet.Weight weight) {
        Shape shape = Shape.of(weight.shape());
        Variable<TFloat32> variable = variable(name, shape, TFloat32.class,
                () -> TFloat32.tensorOf(shape, DataBuffers.of(weight.values(), true, false)));
        return variable;
    }

    /** Adds a float16 variable {@code name}, cast to float32 where it is read. */
    Operand<TFloat32> float16(String name, WeightSet.Weight weight) {
        Shape shape = Shape.of(weight.shape());
        Variable<TFloat16> variable = variable(name, shape, TFloat16.class,
                () -> TFloat16.tensorOf(shape, DataBuffers.of(weight.values(), true, false)));
        return scopeOf(name).withName(leafOf(name) + "_float32").dtypes.cast(variable, TFloat32.class);
    }

    /**
     * Adds variable {@code name} holding the int8 kernel and {@code name_scale} holding its float32 scales, and
     * returns {@code int8 * scale}.
     *
     * <p>NOTE: the int8 values are stored in a uint8 variable, byte for byte, and bitcast back to int8 in the graph.
     * TensorFlow Java 1.1.0 has no Java type for int8, and its SavedModel exporter saves only variables of types it
     * has one for.
     */
    Operand<TFloat32> int8(String name, Int8Quantizer.Int8Weight weight) {
        Shape shape = Shape.of(weight.shape());
        Variable<TUint8> bytes = variable(name, shape, TUint8.class,
                () -> TUint8.tensorOf(shape, DataBuffers.of(weight.values(), true, false)));
        Shape scaleShape = scaleShape(weight);
        Variable<TFloat32> scales = variable(name + "_scale", scaleShape, TFloat32.class,
                () -> TFloat32.tensorOf(scaleShape, DataBuffers.of(weight.scales(), true, false)));

        Ops scope = scopeOf(name);
        String leaf = leafOf(name);
        Operation signed = RawOps.builder(scope, "Bitcast", leaf + "_int8")
                .addInput(bytes.asOutput())
                .setAttr("type", DataType.DT_INT8)
                .build();
        Operand<TFloat32> levels = scope.withName(leaf + "_levels").dtypes.cast(RawOps.output(signed, 0),
                TFloat32.class);
        return scope.withName(leaf + "_dequantized").math.mul(levels, scales);
    }

    /**
     * Returns the shape the scales broadcast from onto the kernel: {@code [channels]} along the last dimension, or
     * {@code [channels, 1]} for a depthwise kernel, whose channels are the dimension before the last.
     */
    private static Shape scaleShape(Int8Quantizer.Int8Weight weight) {
        long[] shape = weight.shape();
        int count = weight.scales().length;
        boolean beforeLast = count > 1 && shape.length >= 2 && shape[shape.length - 1] == 1;
        return beforeLast ? Shape.of(count, 1) : Shape.of(count);
    }

    /** Sets every variable added so far. */
    void assign(Session session) {
        Session.Runner runner = session.runner();
        List<Tensor> tensors = new ArrayList<>();
        try {
            for (Pending variable : pending) {
                Tensor value = variable.value().get();
                tensors.add(value);
                runner.feed(variable.placeholder(), value).addTarget(variable.assign());
            }
            runner.run().close();
        } finally {
            tensors.forEach(Tensor::close);
        }
    }

    /** Adds a variable exactly named {@code name}, with its initial-value placeholder and assign op. */
    private <T extends TType> Variable<T> variable(String name, Shape shape, Class<T> type, Supplier<Tensor> value) {
        Ops scope = scopeOf(name);
        String leaf = leafOf(name);
        Variable<T> variable = scope.withName(leaf).variable(shape, type);
        Placeholder<T> initial = scope.withName(leaf + "_initial_value").placeholder(type, Placeholder.shape(shape));
        pending.add(new Pending(initial, value, scope.withName(leaf + "_assign").assign(variable, initial)));
        return variable;
    }

    /** Returns the name scope of the layer in {@code <layer>/<weight>}, one per layer, so names come out exact. */
    Ops scopeOf(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? tf : layerScopes.computeIfAbsent(name.substring(0, slash), tf::withSubScope);
    }

    private static String leafOf(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
