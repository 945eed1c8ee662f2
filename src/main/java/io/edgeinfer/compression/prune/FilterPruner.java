package io.edgeinfer.compression.prune;

import io.edgeinfer.compression.arch.LayerCost;
import io.edgeinfer.compression.arch.LayerSpec;
import io.edgeinfer.compression.arch.WeightedLayers;
import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.arch.WeightSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Structured pruning: removes whole convolution filters and dense neurons, the weakest by L1 norm, and builds the
 * smaller network with the surviving weights.
 *
 * <p>Removing output channel {@code c} of a layer also removes what reads it: input channel {@code c} of the next
 * convolution, channel {@code c} of a depthwise convolution in between (which then has one filter fewer), and the
 * rows of the next dense layer that read channel {@code c} at any position after a flatten. Pooling and dropout
 * pass channels through. The last layer keeps every output, one per class.
 */
public final class FilterPruner {

    /** The smaller network, and the original indices of the channels each pruned layer kept. */
    public record Result(NetworkSpec spec, WeightSet weights, Map<String, int[]> keptChannels) {
    }

    private FilterPruner() {
    }

    /**
     * Prunes each layer named in {@code keepCounts} down to that many output channels.
     *
     * @throws IllegalArgumentException if a named layer is missing, is the last layer, has no filters or units to
     *     remove, or a count is out of range
     */
    public static Result prune(NetworkSpec spec, WeightSet weights, Map<String, Integer> keepCounts) {
        List<LayerCost> costs = spec.costs();
        List<LayerSpec> layers = new ArrayList<>();
        WeightSet pruned = new WeightSet();
        Map<String, int[]> kept = new LinkedHashMap<>();
        Map<String, Integer> pending = new LinkedHashMap<>(keepCounts);
        List<Integer> shape = List.of(spec.height(), spec.width(), spec.channels());
        int[] inputChannels = null;

        for (int index = 0; index < spec.layers().size(); index++) {
            LayerSpec layer = spec.layers().get(index);
            boolean last = index == spec.layers().size() - 1;
            Integer keep = pending.remove(WeightedLayers.nameOf(layer));
            if (keep != null && last) {
                throw new IllegalArgumentException("Layer " + WeightedLayers.nameOf(layer) + " is the output layer, whose "
                        + spec.classes() + " units are the classes, so none can be removed");
            }
            ChannelSlicer.Step step = ChannelSlicer.slice(layer, shape, inputChannels, keep, weights, pruned);
            layers.add(step.layer());
            if (keep != null) {
                kept.put(WeightedLayers.nameOf(layer), step.outputChannels());
            }
            inputChannels = step.outputChannels();
            shape = costs.get(index).outputShape();
        }
        if (!pending.isEmpty()) {
            throw new IllegalArgumentException("Cannot prune " + pending.keySet() + ": network " + spec.name()
                    + " has no convolution or dense layer of that name");
        }
        NetworkSpec smaller = new NetworkSpec(spec.name(), spec.height(), spec.width(), spec.channels(),
                spec.classes(), layers);
        return new Result(smaller, pruned, kept);
    }
}
