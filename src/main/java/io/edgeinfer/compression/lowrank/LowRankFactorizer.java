package io.edgeinfer.compression.lowrank;

import io.edgeinfer.compression.arch.LayerSpec;
import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.arch.WeightSet;
import io.edgeinfer.compression.export.VariantReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces dense and convolution layers by two thinner layers initialized from a truncated SVD.
 *
 * <p>A dense layer with kernel W of {@code in x out} becomes {@code <name>_u} ({@code in x r}, no bias, no
 * activation) followed by {@code <name>_v} ({@code r x out}, with the old bias and activation), where
 * {@code W ~ U * V}. A k x k convolution from C_in to C_out channels reads its kernel as a
 * {@code (k*k*C_in) x C_out} matrix, and becomes a k x k convolution {@code <name>_u} to r channels with the old
 * stride, followed by a 1x1 convolution {@code <name>_v} to C_out channels. Both factors take the square root of
 * the singular values: {@code U = U_r * sqrt(s_r)} and {@code V = sqrt(s_r) * V_r^T}.
 */
public final class LowRankFactorizer {

    /**
     * The outcome of factorizing one layer.
     *
     * @param rows rows of the kernel matrix: the input size, or k*k*C_in for a convolution
     * @param columns columns of the kernel matrix, the output units or channels
     * @param energyRetained the share of squared singular values kept
     * @param relativeError {@code ||W - U*V|| / ||W||} in the Frobenius norm, measured on the factors
     */
    public record LayerReport(String layer, RankRule rule, int rows, int columns, int rank, double energyRetained,
            double relativeError, long parametersBefore, long parametersAfter) {
    }

    /** The factorized network and one report per factorized layer, in layer order. */
    public record Result(VariantReader.TrainedNetwork network, List<LayerReport> layers) {
    }

    private LowRankFactorizer() {
    }

    /**
     * Factorizes the layers named in {@code rules} and copies every other layer unchanged.
     *
     * @throws IllegalArgumentException if a named layer is missing or is not a dense or convolution layer, or if
     *     the chosen rank would not reduce the layer's parameters
     */
    public static Result factorize(VariantReader.TrainedNetwork network, Map<String, RankRule> rules) {
        NetworkSpec spec = network.spec();
        Map<String, RankRule> pending = new LinkedHashMap<>(rules);
        List<LayerSpec> layers = new ArrayList<>();
        WeightSet weights = new WeightSet();
        List<LayerReport> reports = new ArrayList<>();
        network.weights().asMap().forEach((name, weight) -> {
            if (!rules.containsKey(name.substring(0, name.lastIndexOf('/')))) {
                weights.put(name, weight);
            }
        });
        for (LayerSpec layer : spec.layers()) {
            String name = LayerFactors.weightLayerName(layer);
            RankRule rule = name == null ? null : pending.remove(name);
            if (rule == null) {
                layers.add(layer);
                continue;
            }
            LayerFactors factors = LayerFactors.split(layer, network.weights(), rule);
            layers.addAll(factors.layers());
            factors.weights().asMap().forEach(weights::put);
            reports.add(factors.report());
        }
        if (!pending.isEmpty()) {
            throw new IllegalArgumentException("No dense or convolution layer named " + pending.keySet()
                    + " in network " + spec.name() + "; its layers with weights are " + spec.variableShapes().keySet()
                    .stream().map(name -> name.substring(0, name.lastIndexOf('/'))).distinct().toList());
        }
        NetworkSpec factorized = new NetworkSpec(spec.name() + "-low-rank", spec.height(), spec.width(),
                spec.channels(), spec.classes(), layers);
        return new Result(new VariantReader.TrainedNetwork(factorized, weights), reports);
    }
}
