package io.edgeinfer.inference;

import io.edgeinfer.model.Preprocessing;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Turns one image frame into one example of model input, following {@link Preprocessing}.
 *
 * <p>The steps, in order: decode, scale samples to [0, 1], composite alpha over {@code alphaBackground},
 * convert to the colour mode, resize to {@code width x height} (see {@link Resampler}), and write
 * {@code (value - mean[c]) / std[c]}. The result is in NHWC order without the batch dimension: height, then
 * width, then channel, with the channel index varying fastest.
 *
 * <p>{@link #toInput(byte[], Preprocessing)} runs every step. A caller that times decoding separately calls
 * {@link #decode(byte[])} and then {@link #toInput(BufferedImage, Preprocessing)}.
 *
 * <p>Thread safety: immutable and safe to share.
 */
public final class FrameTranslator {

    private final ImageDecoder decoder;

    public FrameTranslator(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    /**
     * Decodes an image and converts it to one example of model input.
     *
     * @param pre pre-processing from a validated manifest: mean and std have one entry per channel, std is
     *     positive, and width and height are positive
     * @return {@code pre.height() * pre.width() * channels} values in NHWC order
     * @throws InferenceException as {@link ImageDecoder#decode(byte[])} does
     */
    public float[] toInput(byte[] imageBytes, Preprocessing pre) {
        return toInput(decode(imageBytes), pre);
    }

    /**
     * Decodes an image, or the first frame of an animated GIF.
     *
     * @throws InferenceException as {@link ImageDecoder#decode(byte[])} does
     */
    public BufferedImage decode(byte[] imageBytes) {
        return decoder.decode(imageBytes);
    }

    /**
     * Converts a decoded image to one example of model input.
     *
     * @param pre pre-processing as for {@link #toInput(byte[], Preprocessing)}
     * @return {@code pre.height() * pre.width() * channels} values in NHWC order
     */
    public float[] toInput(BufferedImage image, Preprocessing pre) {
        PixelPlanes pixels = PixelReader.read(image);

        float[][] channels = ColorConverter.toModelChannels(pixels, pre.colorMode(), pre.alphaBackground());

        float[][] resized = new float[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            resized[c] = Resampler.resize(channels[c], pixels.width(), pixels.height(), pre.width(), pre.height());
        }

        return normalizeInterleaved(resized, pre.mean(), pre.std());
    }

    /** Writes {@code (value - mean[c]) / std[c]} with channel c varying fastest. */
    private static float[] normalizeInterleaved(float[][] channels, List<Float> mean, List<Float> std) {
        int channelCount = channels.length;
        int pixelCount = channels[0].length;
        float[] out = new float[pixelCount * channelCount];
        for (int c = 0; c < channelCount; c++) {
            float[] plane = channels[c];
            float channelMean = mean.get(c);
            float channelStd = std.get(c);
            for (int i = 0; i < pixelCount; i++) {
                out[i * channelCount + c] = (plane[i] - channelMean) / channelStd;
            }
        }
        return out;
    }
}
