package io.edgeinfer.compression.arch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The activation shape while walking a network's layers, which gives each layer's variables and cost.
 * Not thread-safe, and good for one walk.
 */
final class Activations {

    private int height;
    private int width;
    private int channels;
    private boolean flat;
    private LayerSpec previous;

    Activations(int height, int width, int channels) {
        this.height = height;
        this.width = width;
        this.channels = channels;
    }

    /** Moves past one layer and returns its cost. */
    LayerCost apply(LayerSpec layer, String network) {
        Map<String, long[]> variables = new LinkedHashMap<>();
        long macs = 0;
        String label;
        if (layer instanceof LayerSpec.Conv2D conv) {
            requireSpatial(conv.name(), network);
            stride(conv.stride());
            addVariables(variables, conv.name(), new long[] {conv.kernel(), conv.kernel(), channels, conv.filters()},
                    conv.bias() ? conv.filters() : 0);
            macs = (long) height * width * conv.kernel() * conv.kernel() * channels * conv.filters();
            channels = conv.filters();
            label = conv.name();
        } else if (layer instanceof LayerSpec.DepthwiseConv2D depthwise) {
            requireSpatial(depthwise.name(), network);
            stride(depthwise.stride());
            addVariables(variables, depthwise.name(),
                    new long[] {depthwise.kernel(), depthwise.kernel(), channels, 1}, depthwise.bias() ? channels : 0);
            macs = (long) height * width * depthwise.kernel() * depthwise.kernel() * channels;
            label = depthwise.name();
        } else if (layer instanceof LayerSpec.BatchNorm norm) {
            requireFoldable(norm, network);
            for (String weight : new String[] {"gamma", "beta", "moving_mean", "moving_variance"}) {
                variables.put(norm.name() + "/" + weight, new long[] {channels});
            }
            label = norm.name();
        } else if (layer instanceof LayerSpec.GlobalAveragePool) {
            requireSpatial("global_average_pool", network);
            height = 1;
            width = 1;
            flat = true;
            label = "global_average_pool";
        } else if (layer instanceof LayerSpec.MaxPool pool) {
            requireSpatial("max_pool", network);
            height /= pool.size();
            width /= pool.size();
            label = "max_pool";
        } else if (layer instanceof LayerSpec.Flatten) {
            channels = height * width * channels;
            height = 1;
            width = 1;
            flat = true;
            label = "flatten";
        } else if (layer instanceof LayerSpec.Dense dense) {
            if (!flat) {
                throw new IllegalArgumentException("Dense layer " + dense.name() + " needs a flatten layer before it"
                        + " in network " + network);
            }
            addVariables(variables, dense.name(), new long[] {channels, dense.units()},
                    dense.bias() ? dense.units() : 0);
            macs = (long) channels * dense.units();
            channels = dense.units();
            label = dense.name();
        } else {
            label = "dropout";
        }
        previous = layer;
        List<Integer> shape = flat ? List.of(channels) : List.of(height, width, channels);
        return new LayerCost(label, variables, countParameters(variables), macs, shape);
    }

    private void stride(int stride) {
        height = (height + stride - 1) / stride;
        width = (width + stride - 1) / stride;
    }

    /** Batch norm must follow a layer whose kernel and bias can absorb it: one with weights and no activation. */
    private void requireFoldable(LayerSpec.BatchNorm norm, String network) {
        Activation before = null;
        if (previous instanceof LayerSpec.Conv2D conv) {
            before = conv.activation();
        } else if (previous instanceof LayerSpec.DepthwiseConv2D depthwise) {
            before = depthwise.activation();
        } else if (previous instanceof LayerSpec.Dense dense) {
            before = dense.activation();
        }
        if (before != Activation.NONE) {
            throw new IllegalArgumentException("Batch norm " + norm.name() + " in network " + network + " must follow"
                    + " a conv2d, depthwise_conv2d or dense layer with activation none; put the activation on the"
                    + " batch norm instead");
        }
    }

    private void requireSpatial(String layer, String network) {
        if (flat) {
            throw new IllegalArgumentException("Layer " + layer + " needs NHWC input but follows a flatten layer"
                    + " in network " + network);
        }
    }

    private static void addVariables(Map<String, long[]> variables, String layer, long[] kernel, long biasSize) {
        variables.put(layer + "/kernel", kernel);
        if (biasSize > 0) {
            variables.put(layer + "/bias", new long[] {biasSize});
        }
    }

    private static long countParameters(Map<String, long[]> variables) {
        long total = 0;
        for (long[] shape : variables.values()) {
            long count = 1;
            for (long dim : shape) {
                count *= dim;
            }
            total += count;
        }
        return total;
    }
}
