package io.edgeinfer.compression.arch;

import java.util.ArrayList;
import java.util.List;

/** The networks the toolkit trains from scratch. */
public final class Architectures {

    /** Keras's defaults, which suit batches of 64 and thousands of steps. */
    static final float BATCH_NORM_EPSILON = 1e-3f;
    static final float BATCH_NORM_MOMENTUM = 0.99f;

    /** MobileNet's separable blocks at width 1: output channels and the depthwise stride of each. */
    private static final int[][] MOBILENET_BLOCKS = {{64, 1}, {128, 2}, {128, 1}, {128, 1}, {256, 2}};
    private static final int MOBILENET_STEM_CHANNELS = 32;

    private Architectures() {
    }

    /**
     * The full-size baseline: two 5x5 convolutions with max pooling and a 1,024-unit dense layer, the layout of
     * TensorFlow's two-convolution MNIST tutorial. About 3.3 million parameters and 14 million MACs per 28x28
     * image. Most of the parameters sit in the dense layer, which leaves the compression techniques room to work.
     */
    public static NetworkSpec baseline(int height, int width, int channels, int classes) {
        return new NetworkSpec("baseline-cnn", height, width, channels, classes, List.of(
                new LayerSpec.Conv2D("conv1", 5, 32, 1, true, Activation.RELU),
                new LayerSpec.MaxPool(2),
                new LayerSpec.Conv2D("conv2", 5, 64, 1, true, Activation.RELU),
                new LayerSpec.MaxPool(2),
                new LayerSpec.Flatten(),
                new LayerSpec.Dense("fc1", 1024, true, Activation.RELU),
                new LayerSpec.Dropout(0.5f),
                new LayerSpec.Dense("logits", classes, true, Activation.NONE)));
    }

    /**
     * Returns the distillation teacher: two blocks of two 3x3 convolutions with batch norm, each block followed by max
     * pooling and dropout, then a 512-unit dense layer with batch norm and dropout. About 1.7 million parameters
     * and 20 million MACs per 28x28 image once batch norm is folded.
     */
    public static NetworkSpec teacher(int height, int width, int channels, int classes) {
        List<LayerSpec> layers = new ArrayList<>();
        int index = 1;
        for (int filters : new int[] {32, 64}) {
            for (int repeat = 0; repeat < 2; repeat++) {
                layers.add(new LayerSpec.Conv2D("conv" + index, 3, filters, 1, false, Activation.NONE));
                layers.add(batchNorm("conv" + index + "_bn", BATCH_NORM_MOMENTUM, Activation.RELU));
                index++;
            }
            layers.add(new LayerSpec.MaxPool(2));
            layers.add(new LayerSpec.Dropout(0.25f));
        }
        layers.add(new LayerSpec.Flatten());
        layers.add(new LayerSpec.Dense("fc1", 512, false, Activation.NONE));
        layers.add(batchNorm("fc1_bn", BATCH_NORM_MOMENTUM, Activation.RELU));
        layers.add(new LayerSpec.Dropout(0.5f));
        layers.add(new LayerSpec.Dense("logits", classes, true, Activation.NONE));
        return new NetworkSpec("teacher-cnn-bn", height, width, channels, classes, layers);
    }

    /**
     * Returns a MobileNet-style network (Howard et al., "MobileNets", 2017): a 3x3 convolution, then depthwise separable
     * blocks, each a depthwise 3x3 convolution and a pointwise 1x1 convolution with batch norm and ReLU6 after
     * each, then global average pooling and the classifier. The blocks at width 1 have 64, 128, 128, 128 and 256
     * output channels, and the second and fifth halve the resolution with a stride of 2, from 28x28 to 7x7.
     *
     * @param widthMultiplier scales every layer's channels, which are then rounded to a multiple of 8 (at least
     *     8) as in MobileNet V2's reference code. Parameters and MACs shrink about with its square
     */
    public static NetworkSpec mobilenet(int height, int width, int channels, int classes, double widthMultiplier) {
        return mobilenet(height, width, channels, classes, widthMultiplier, BATCH_NORM_MOMENTUM);
    }

    /**
     * Returns the MobileNet-style network with another batch-norm momentum. The default of 0.99 leaves the moving
     * averages near their initial values for the first few hundred steps, so runs that short, such as tests, need
     * a lower one.
     */
    public static NetworkSpec mobilenet(int height, int width, int channels, int classes, double widthMultiplier,
            float batchNormMomentum) {
        if (!(widthMultiplier > 0)) {
            throw new IllegalArgumentException("Width multiplier must be positive; got " + widthMultiplier);
        }
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new LayerSpec.Conv2D("stem", 3, scaledChannels(MOBILENET_STEM_CHANNELS, widthMultiplier), 1,
                false, Activation.NONE));
        layers.add(batchNorm("stem_bn", batchNormMomentum, Activation.RELU6));
        for (int b = 0; b < MOBILENET_BLOCKS.length; b++) {
            String block = "block" + (b + 1);
            int filters = scaledChannels(MOBILENET_BLOCKS[b][0], widthMultiplier);
            layers.add(new LayerSpec.DepthwiseConv2D(block + "_dw", 3, MOBILENET_BLOCKS[b][1], false,
                    Activation.NONE));
            layers.add(batchNorm(block + "_dw_bn", batchNormMomentum, Activation.RELU6));
            layers.add(new LayerSpec.Conv2D(block + "_pw", 1, filters, 1, false, Activation.NONE));
            layers.add(batchNorm(block + "_pw_bn", batchNormMomentum, Activation.RELU6));
        }
        layers.add(new LayerSpec.GlobalAveragePool());
        layers.add(new LayerSpec.Dense("logits", classes, true, Activation.NONE));
        return new NetworkSpec(String.format(java.util.Locale.ROOT, "mobilenet-w%.2f", widthMultiplier), height,
                width, channels, classes, layers);
    }

    /** Returns {@code base * multiplier} rounded to the nearest multiple of 8, and at least 8. */
    static int scaledChannels(int base, double multiplier) {
        return Math.max(8, (int) Math.round(base * multiplier / 8) * 8);
    }

    private static LayerSpec.BatchNorm batchNorm(String name, float momentum, Activation activation) {
        return new LayerSpec.BatchNorm(name, BATCH_NORM_EPSILON, momentum, activation);
    }
}
