package io.edgeinfer.compression.arch;

import java.util.List;
import java.util.Map;

/**
 * The weights and compute of one layer, for one example.
 *
 * @param layer the layer name, or its type for layers without a name
 * @param variables the shape of each variable, keyed {@code <layer>/kernel} and {@code <layer>/bias}
 * @param parameters the number of weights, zeroed ones included
 * @param macs multiply-accumulate operations of the convolutions and dense layers. Pooling and batch norm count
 *     none, because batch norm is folded into the layer before it at export
 * @param outputShape the activation shape after the layer, without the batch dimension
 */
public record LayerCost(
        String layer, Map<String, long[]> variables, long parameters, long macs, List<Integer> outputShape) {
}
