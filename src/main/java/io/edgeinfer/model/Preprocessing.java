package io.edgeinfer.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * How an image becomes the model's input tensor.
 *
 * <p>The runtime first scales every sample to [0, 1] by its bit depth, composites any alpha channel over
 * {@code alphaBackground}, converts to {@code colorMode}, resizes to {@code width} x {@code height}, and
 * finally writes {@code (value - mean[c]) / std[c]} for each channel c.
 *
 * @param colorMode the channel layout the model expects
 * @param width input width in pixels
 * @param height input height in pixels
 * @param resize how images of another size are mapped onto the input
 * @param alphaBackground the gray level in [0, 1] that transparent pixels are composited over
 * @param mean per-channel mean subtracted after scaling to [0, 1]
 * @param std per-channel divisor applied after the mean is subtracted
 */
@RegisterForReflection
public record Preprocessing(
        ColorMode colorMode,
        int width,
        int height,
        ResizeMode resize,
        float alphaBackground,
        List<Float> mean,
        List<Float> std) {

    /** The channel layout of the model input. */
    @RegisterForReflection
    public enum ColorMode {
        /** One channel: luma from ITU-R BT.601 weights (0.299 R + 0.587 G + 0.114 B). */
        @JsonProperty("grayscale")
        GRAYSCALE(1),
        /** Three channels in R, G, B order. */
        @JsonProperty("rgb")
        RGB(3);

        private final int channels;

        ColorMode(int channels) {
            this.channels = channels;
        }

        public int channels() {
            return channels;
        }
    }

    /** How a source image of another size is mapped onto the model's input size. */
    @RegisterForReflection
    public enum ResizeMode {
        /** Scale each axis independently to the input size, ignoring the aspect ratio. */
        @JsonProperty("stretch")
        STRETCH
    }
}
