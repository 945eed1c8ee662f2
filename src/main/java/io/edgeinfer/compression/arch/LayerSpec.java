package io.edgeinfer.compression.arch;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One layer of a {@link NetworkSpec}. Layers with weights name their variables {@code <name>/kernel} and
 * {@code <name>/bias}, so that a variant's weights can be found by layer.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LayerSpec.Conv2D.class, name = "conv2d"),
    @JsonSubTypes.Type(value = LayerSpec.DepthwiseConv2D.class, name = "depthwise_conv2d"),
    @JsonSubTypes.Type(value = LayerSpec.MaxPool.class, name = "max_pool"),
    @JsonSubTypes.Type(value = LayerSpec.Flatten.class, name = "flatten"),
    @JsonSubTypes.Type(value = LayerSpec.Dense.class, name = "dense"),
    @JsonSubTypes.Type(value = LayerSpec.Dropout.class, name = "dropout"),
    @JsonSubTypes.Type(value = LayerSpec.BatchNorm.class, name = "batch_norm"),
    @JsonSubTypes.Type(value = LayerSpec.GlobalAveragePool.class, name = "global_average_pool")
})
public sealed interface LayerSpec {

    /**
     * A 2-D convolution with SAME padding.
     *
     * @param kernel the square kernel size in pixels
     * @param filters output channels
     * @param stride the step in both directions
     */
    record Conv2D(String name, int kernel, int filters, int stride, boolean bias, Activation activation)
            implements LayerSpec {
    }

    /**
     * A depthwise 2-D convolution with SAME padding and a channel multiplier of 1: one k x k filter per input
     * channel, as in the first half of a depthwise separable convolution.
     */
    record DepthwiseConv2D(String name, int kernel, int stride, boolean bias, Activation activation)
            implements LayerSpec {
    }

    /** Max pooling over {@code size} x {@code size} windows with the same stride and VALID padding. */
    record MaxPool(int size) implements LayerSpec {
    }

    /** Reshapes NHWC activations to one vector per example. */
    record Flatten() implements LayerSpec {
    }

    /** A fully connected layer. */
    record Dense(String name, int units, boolean bias, Activation activation) implements LayerSpec {
    }

    /** Zeroes a fraction {@code rate} of activations while training; does nothing at inference. */
    record Dropout(float rate) implements LayerSpec {
    }

    /**
     * Batch normalization (Ioffe and Szegedy, 2015) of each output channel of the layer before it, then
     * {@code activation}. The layer before must be a convolution, depthwise convolution or dense layer with no
     * activation, so that the normalization can be folded into its kernel and bias at export.
     *
     * <p>Its variables are {@code <name>/gamma}, {@code <name>/beta}, {@code <name>/moving_mean} and
     * {@code <name>/moving_variance}. All four count as parameters of the training network, and none remain
     * after folding.
     *
     * @param epsilon added to the variance before its square root
     * @param momentum the weight of the old moving mean and variance when a training step updates them
     */
    record BatchNorm(String name, float epsilon, float momentum, Activation activation) implements LayerSpec {

        public BatchNorm {
            if (!(momentum >= 0 && momentum < 1) || !(epsilon > 0)) {
                throw new IllegalArgumentException("Batch norm " + name + " needs a momentum in [0, 1) and a"
                        + " positive epsilon; got momentum " + momentum + " and epsilon " + epsilon);
            }
        }
    }

    /** Averages each channel over height and width, which gives one vector per example, as in MobileNet. */
    record GlobalAveragePool() implements LayerSpec {
    }
}
