package io.edgeinfer.compression.arch;

import java.util.List;

/** The networks the toolkit trains from scratch. */
public final class Architectures {

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
}
