package io.edgeinfer.compression.arch;

import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The TensorFlow operations for one layer of a {@link NetworkSpec}. Weights come in as operands, so that an export
 * graph can feed a layer dequantized weights instead of float variables.
 */
public final class LayerOps {

    private LayerOps() {
    }

    /**
     * Applies {@code layer} to {@code x}.
     *
     * @param vars the layer's weights keyed {@code <layer>/kernel} and {@code <layer>/bias}
     * @throws IllegalArgumentException for a layer type without operations here, such as dropout
     */
    public static Operand<TFloat32> apply(Ops tf, LayerSpec layer, Operand<TFloat32> x,
            Map<String, ? extends Operand<TFloat32>> vars) {
        if (layer instanceof LayerSpec.Conv2D conv) {
            List<Long> strides = List.of(1L, (long) conv.stride(), (long) conv.stride(), 1L);
            Operand<TFloat32> y = tf.nn.conv2d(x, vars.get(conv.name() + "/kernel"), strides, "SAME");
            return activate(tf, conv.bias() ? tf.nn.biasAdd(y, vars.get(conv.name() + "/bias")) : y,
                    conv.activation());
        }
        if (layer instanceof LayerSpec.DepthwiseConv2D depthwise) {
            List<Long> strides = List.of(1L, (long) depthwise.stride(), (long) depthwise.stride(), 1L);
            Operand<TFloat32> y = tf.nn.depthwiseConv2dNative(x, vars.get(depthwise.name() + "/kernel"), strides,
                    "SAME");
            return activate(tf, depthwise.bias() ? tf.nn.biasAdd(y, vars.get(depthwise.name() + "/bias")) : y,
                    depthwise.activation());
        }
        if (layer instanceof LayerSpec.MaxPool pool) {
            int[] window = {1, pool.size(), pool.size(), 1};
            return tf.nn.maxPool(x, tf.constant(window), tf.constant(window), "VALID");
        }
        if (layer instanceof LayerSpec.GlobalAveragePool) {
            return tf.math.mean(x, tf.constant(new int[] {1, 2}));
        }
        if (layer instanceof LayerSpec.Flatten) {
            long[] shape = x.shape().asArray();
            long features = 1;
            for (int i = 1; i < shape.length; i++) {
                features *= shape[i];
            }
            return tf.reshape(x, tf.constant(new long[] {-1, features}));
        }
        if (layer instanceof LayerSpec.Dense dense) {
            Operand<TFloat32> y = tf.linalg.matMul(x, vars.get(dense.name() + "/kernel"));
            return activate(tf, dense.bias() ? tf.nn.biasAdd(y, vars.get(dense.name() + "/bias")) : y,
                    dense.activation());
        }
        throw new IllegalArgumentException("No operations for layer " + layer);
    }

    /** Applies {@code activation} to {@code x}. */
    public static Operand<TFloat32> activate(Ops tf, Operand<TFloat32> x, Activation activation) {
        return switch (activation) {
            case NONE -> x;
            case RELU -> tf.nn.relu(x);
            case RELU6 -> tf.nn.relu6(x);
        };
    }
}
