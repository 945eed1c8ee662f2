package io.edgeinfer.compression.arch;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares each depthwise separable block of a network (a depthwise k x k convolution, then a pointwise 1x1
 * convolution) with the standard k x k convolution of the same input, output and stride that it replaces.
 *
 * <p>Per output position, the block costs {@code k*k*C_in + C_in*C_out} MACs against {@code k*k*C_in*C_out}, a
 * ratio of {@code 1/C_out + 1/k^2}. Counts include biases, so compare networks with batch norm folded.
 */
public final class SeparableComparison {

    /**
     * One block and its standard counterpart.
     *
     * @param block the pointwise layer's name
     * @param outputShape height, width and channels after the block
     */
    public record Block(String block, List<Integer> outputShape, long separableParameters, long separableMacs,
            long standardParameters, long standardMacs) {
    }

    /** Every block of a network, and the totals of the network as it is and with standard convolutions. */
    public record Comparison(List<Block> blocks, long parameters, long macs, long standardParameters,
            long standardMacs) {
    }

    private SeparableComparison() {
    }

    /** Finds each depthwise layer followed by a 1x1 convolution, with batch norm between them or not. */
    public static Comparison of(NetworkSpec spec) {
        List<LayerSpec> layers = spec.layers();
        List<LayerCost> costs = spec.costs();
        List<Block> blocks = new ArrayList<>();
        long standardParameters = spec.parameters();
        long standardMacs = spec.macs();
        for (int i = 0; i < layers.size(); i++) {
            if (!(layers.get(i) instanceof LayerSpec.DepthwiseConv2D depthwise)) {
                continue;
            }
            int next = layers.get(i + 1) instanceof LayerSpec.BatchNorm ? i + 2 : i + 1;
            if (!(layers.get(next) instanceof LayerSpec.Conv2D pointwise) || pointwise.kernel() != 1) {
                continue;
            }
            Block block = compare(depthwise, costs.get(i), pointwise, costs.get(next));
            blocks.add(block);
            standardParameters += block.standardParameters() - block.separableParameters();
            standardMacs += block.standardMacs() - block.separableMacs();
        }
        return new Comparison(blocks, spec.parameters(), spec.macs(), standardParameters, standardMacs);
    }

    private static Block compare(LayerSpec.DepthwiseConv2D depthwise, LayerCost depthwiseCost,
            LayerSpec.Conv2D pointwise, LayerCost pointwiseCost) {
        List<Integer> shape = depthwiseCost.outputShape();
        long inputChannels = shape.get(2);
        long outputChannels = pointwise.filters();
        long kernelArea = (long) depthwise.kernel() * depthwise.kernel();
        long standardParameters = kernelArea * inputChannels * outputChannels + (pointwise.bias() ? outputChannels : 0);
        long standardMacs = (long) shape.get(0) * shape.get(1) * kernelArea * inputChannels * outputChannels;
        return new Block(pointwise.name(), pointwiseCost.outputShape(),
                depthwiseCost.parameters() + pointwiseCost.parameters(), depthwiseCost.macs() + pointwiseCost.macs(),
                standardParameters, standardMacs);
    }
}
