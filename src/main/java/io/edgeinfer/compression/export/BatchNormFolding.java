package io.edgeinfer.compression.export;

import io.edgeinfer.compression.arch.Activation;
import io.edgeinfer.compression.arch.LayerSpec;
import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.arch.WeightSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds each batch-norm layer into the convolution, depthwise convolution or dense layer before it, so that the
 * exported graph has no batch-norm ops and costs nothing extra at inference.
 *
 * <p>With {@code scale = gamma / sqrt(movingVariance + epsilon)} per output channel, the layer before gets the
 * kernel {@code kernel * scale} and the bias {@code (bias - movingMean) * scale + beta}, where a layer without
 * a bias counts as a zero bias. It also takes over the batch norm's activation. This matches the inference
 * output of the unfolded network up to float rounding.
 */
public final class BatchNormFolding {

    private BatchNormFolding() {
    }

    /** Returns {@code network} with every batch-norm layer folded; a network without one comes back as it is. */
    public static VariantReader.TrainedNetwork fold(NetworkSpec spec, WeightSet weights) {
        List<LayerSpec> layers = spec.layers();
        if (layers.stream().noneMatch(LayerSpec.BatchNorm.class::isInstance)) {
            return new VariantReader.TrainedNetwork(spec, weights);
        }
        WeightSet foldedWeights = new WeightSet();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            if (layer instanceof LayerSpec.BatchNorm) {
                continue;
            }
            String name = weightLayerName(layer);
            if (i + 1 < layers.size() && layers.get(i + 1) instanceof LayerSpec.BatchNorm norm) {
                foldInto(name, norm, weights, foldedWeights);
            } else {
                copyWeights(name, weights, foldedWeights);
            }
        }
        return new VariantReader.TrainedNetwork(foldedSpec(spec), foldedWeights);
    }

    /** Returns the layers that {@link #fold} makes, without weights, for counting parameters and MACs. */
    public static NetworkSpec foldedSpec(NetworkSpec spec) {
        List<LayerSpec> layers = spec.layers();
        List<LayerSpec> folded = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            if (layer instanceof LayerSpec.BatchNorm) {
                continue;
            }
            folded.add(i + 1 < layers.size() && layers.get(i + 1) instanceof LayerSpec.BatchNorm norm
                    ? withBiasAndActivation(layer, norm.activation()) : layer);
        }
        return new NetworkSpec(spec.name(), spec.height(), spec.width(), spec.channels(), spec.classes(), folded);
    }

    private static void foldInto(String layer, LayerSpec.BatchNorm norm, WeightSet weights, WeightSet target) {
        float[] gamma = weights.get(norm.name() + "/gamma").values();
        float[] beta = weights.get(norm.name() + "/beta").values();
        float[] mean = weights.get(norm.name() + "/moving_mean").values();
        float[] variance = weights.get(norm.name() + "/moving_variance").values();
        int channels = gamma.length;
        double[] scale = new double[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = gamma[c] / Math.sqrt((double) variance[c] + norm.epsilon());
        }

        // The output channel is the fastest-varying index of every kernel layout here: [k, k, in, out] for a
        // convolution, [k, k, channels, 1] for a depthwise one and [in, out] for a dense layer.
        WeightSet.Weight kernel = weights.get(layer + "/kernel");
        float[] scaledKernel = new float[kernel.values().length];
        for (int i = 0; i < scaledKernel.length; i++) {
            scaledKernel[i] = (float) (kernel.values()[i] * scale[i % channels]);
        }
        float[] oldBias = weights.contains(layer + "/bias") ? weights.get(layer + "/bias").values()
                : new float[channels];
        float[] bias = new float[channels];
        for (int c = 0; c < channels; c++) {
            bias[c] = (float) ((oldBias[c] - (double) mean[c]) * scale[c] + beta[c]);
        }
        target.put(layer + "/kernel", new WeightSet.Weight(kernel.shape(), scaledKernel));
        target.put(layer + "/bias", new WeightSet.Weight(new long[] {channels}, bias));
    }

    private static void copyWeights(String layer, WeightSet weights, WeightSet target) {
        if (layer == null) {
            return;
        }
        target.put(layer + "/kernel", weights.get(layer + "/kernel"));
        if (weights.contains(layer + "/bias")) {
            target.put(layer + "/bias", weights.get(layer + "/bias"));
        }
    }

    private static String weightLayerName(LayerSpec layer) {
        if (layer instanceof LayerSpec.Conv2D conv) {
            return conv.name();
        }
        if (layer instanceof LayerSpec.DepthwiseConv2D depthwise) {
            return depthwise.name();
        }
        if (layer instanceof LayerSpec.Dense dense) {
            return dense.name();
        }
        return null;
    }

    private static LayerSpec withBiasAndActivation(LayerSpec layer, Activation activation) {
        if (layer instanceof LayerSpec.Conv2D conv) {
            return new LayerSpec.Conv2D(conv.name(), conv.kernel(), conv.filters(), conv.stride(), true, activation);
        }
        if (layer instanceof LayerSpec.DepthwiseConv2D depthwise) {
            return new LayerSpec.DepthwiseConv2D(depthwise.name(), depthwise.kernel(), depthwise.stride(), true,
                    activation);
        }
        if (layer instanceof LayerSpec.Dense dense) {
            return new LayerSpec.Dense(dense.name(), dense.units(), true, activation);
        }
        throw new IllegalArgumentException("Batch norm cannot be folded into " + layer);
    }
}
