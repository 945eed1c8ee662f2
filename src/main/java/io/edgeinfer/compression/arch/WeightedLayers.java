package io.edgeinfer.compression.arch;

/** Names of the layers that own weights, for techniques that work layer by layer. */
public final class WeightedLayers {

    private WeightedLayers() {
    }

    /** Returns the name of a layer with weights, or null for layers without any (pooling, flatten, dropout). */
    public static String nameOf(LayerSpec layer) {
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
}
