package io.edgeinfer.compression.prune;

import io.edgeinfer.compression.arch.LayerSpec;
import io.edgeinfer.compression.arch.WeightSet;
import java.util.List;

/**
 * Cuts one layer's weights down to the surviving input channels, and for a pruned layer also to its strongest
 * output channels. Channel indices always refer to the original network.
 */
final class ChannelSlicer {

    /**
     * A layer after slicing.
     *
     * @param outputChannels the original indices of the channels this layer now outputs, or null when it outputs
     *     all of them
     */
    record Step(LayerSpec layer, int[] outputChannels) {
    }

    private ChannelSlicer() {
    }

    /**
     * @param inputShape the layer's input shape in the original network, without the batch dimension
     * @param inputChannels the original indices of the input channels that survive, or null for all
     * @param keep output channels to keep, or null to keep all
     */
    static Step slice(LayerSpec layer, List<Integer> inputShape, int[] inputChannels, Integer keep,
            WeightSet weights, WeightSet out) {
        if (layer instanceof LayerSpec.Conv2D conv) {
            WeightSet.Weight kernel = sliceAxis(weights.get(conv.name() + "/kernel"), 2, inputChannels);
            int[] kept = keep == null ? null : strongest(kernel, keep);
            out.put(conv.name() + "/kernel", sliceAxis(kernel, 3, kept));
            copyBias(weights, out, conv.name(), conv.bias(), kept);
            int filters = kept == null ? conv.filters() : kept.length;
            return new Step(new LayerSpec.Conv2D(conv.name(), conv.kernel(), filters, conv.stride(), conv.bias(),
                    conv.activation()), kept);
        }
        if (layer instanceof LayerSpec.DepthwiseConv2D depthwise) {
            if (keep != null) {
                throw new IllegalArgumentException("Depthwise layer " + depthwise.name() + " has one filter per input"
                        + " channel; prune the layer before it instead");
            }
            out.put(depthwise.name() + "/kernel", sliceAxis(weights.get(depthwise.name() + "/kernel"), 2,
                    inputChannels));
            copyBias(weights, out, depthwise.name(), depthwise.bias(), inputChannels);
            return new Step(depthwise, inputChannels);
        }
        if (layer instanceof LayerSpec.Dense dense) {
            WeightSet.Weight kernel = sliceAxis(weights.get(dense.name() + "/kernel"), 0, inputChannels);
            int[] kept = keep == null ? null : strongest(kernel, keep);
            out.put(dense.name() + "/kernel", sliceAxis(kernel, 1, kept));
            copyBias(weights, out, dense.name(), dense.bias(), kept);
            int units = kept == null ? dense.units() : kept.length;
            return new Step(new LayerSpec.Dense(dense.name(), units, dense.bias(), dense.activation()), kept);
        }
        if (keep != null) {
            throw new IllegalArgumentException("Layer " + layer + " has no filters or units to remove");
        }
        if (layer instanceof LayerSpec.Flatten) {
            return new Step(layer, flattenedIndices(inputShape, inputChannels));
        }
        return new Step(layer, inputChannels);
    }

    private static int[] strongest(WeightSet.Weight kernel, int keep) {
        return FilterRanking.strongest(FilterRanking.l1Norms(kernel.values(), kernel.shape()), keep);
    }

    /** Maps surviving channels of an NHWC activation to the positions they occupy after a row-major flatten. */
    private static int[] flattenedIndices(List<Integer> shape, int[] channels) {
        if (channels == null) {
            return null;
        }
        int positions = shape.get(0) * shape.get(1);
        int depth = shape.get(2);
        int[] indices = new int[positions * channels.length];
        int next = 0;
        for (int position = 0; position < positions; position++) {
            for (int channel : channels) {
                indices[next++] = position * depth + channel;
            }
        }
        return indices;
    }

    private static void copyBias(WeightSet weights, WeightSet out, String layer, boolean hasBias, int[] kept) {
        if (hasBias) {
            out.put(layer + "/bias", sliceAxis(weights.get(layer + "/bias"), 0, kept));
        }
    }

    /** Returns the weight with only the listed indices along {@code axis}, or the weight itself for null. */
    static WeightSet.Weight sliceAxis(WeightSet.Weight weight, int axis, int[] indices) {
        if (indices == null) {
            return weight;
        }
        long[] shape = weight.shape().clone();
        int inner = 1;
        for (int d = axis + 1; d < shape.length; d++) {
            inner *= (int) shape[d];
        }
        int size = (int) shape[axis];
        int outer = weight.values().length / (inner * size);
        float[] values = new float[outer * indices.length * inner];
        int next = 0;
        for (int o = 0; o < outer; o++) {
            for (int index : indices) {
                System.arraycopy(weight.values(), (o * size + index) * inner, values, next, inner);
                next += inner;
            }
        }
        shape[axis] = indices.length;
        return new WeightSet.Weight(shape, values);
    }
}
