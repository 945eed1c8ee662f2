package io.edgeinfer.cli;

import io.edgeinfer.compression.arch.LayerSpec;
import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.arch.WeightedLayers;
import io.edgeinfer.compression.prune.FilterRanking;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The per-layer targets of {@code compress prune}, from its options and the parent's layers. */
final class PruneTargets {

    private PruneTargets() {
    }

    /** Returns the final sparsity of each kernel to prune, keyed by variable name. */
    static Map<String, Double> kernelSparsity(NetworkSpec network, double sparsity,
            Map<String, Double> layerSparsity) {
        List<String> weighted = network.layers().stream().map(WeightedLayers::nameOf)
                .filter(Objects::nonNull).toList();
        for (String layer : layerSparsity.keySet()) {
            if (!weighted.contains(layer)) {
                throw new IllegalArgumentException("--layer-sparsity names " + layer + ", but the layers with weights"
                        + " are " + weighted);
            }
        }
        Map<String, Double> kernels = new LinkedHashMap<>();
        for (String layer : weighted) {
            double target = layerSparsity.getOrDefault(layer, sparsity);
            if (target > 0) {
                kernels.put(layer + "/kernel", target);
            }
        }
        return kernels;
    }

    /** Returns the fraction of all parameters that pruning {@code kernels} to their targets sets to zero. */
    static double overallSparsity(NetworkSpec network, Map<String, Double> kernels) {
        double zeros = 0;
        for (Map.Entry<String, long[]> variable : network.variableShapes().entrySet()) {
            long count = Arrays.stream(variable.getValue()).reduce(1, (a, b) -> a * b);
            zeros += count * kernels.getOrDefault(variable.getKey(), 0.0);
        }
        return zeros / network.parameters();
    }

    /** Returns the channels to keep in every convolution and hidden dense layer, after removing their fraction. */
    static Map<String, Integer> keepCounts(NetworkSpec network, double removeFraction,
            Map<String, Double> layerRemove) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Double> unused = new LinkedHashMap<>(layerRemove);
        List<LayerSpec> layerList = network.layers();
        for (LayerSpec layer : layerList.subList(0, layerList.size() - 1)) {
            int channels = layer instanceof LayerSpec.Conv2D conv ? conv.filters()
                    : layer instanceof LayerSpec.Dense dense ? dense.units() : 0;
            if (channels > 0) {
                String name = WeightedLayers.nameOf(layer);
                Double fraction = unused.remove(name);
                counts.put(name, FilterRanking.keepCount(channels,
                        fraction != null ? fraction : removeFraction));
            }
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("--layer-remove names " + unused.keySet() + ", which are not"
                    + " convolution or hidden dense layers of " + network.name());
        }
        return counts;
    }
}
