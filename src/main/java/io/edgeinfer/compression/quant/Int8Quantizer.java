package io.edgeinfer.compression.quant;

import io.edgeinfer.compression.arch.WeightSet;

/**
 * Symmetric linear quantization of float weights to int8: {@code q = clamp(round(w / scale), -127, 127)} and
 * {@code w' = q * scale}, with {@code scale = max|w| / 127} taken over each output channel or over the whole tensor.
 * The value -128 is never used, so the range is symmetric about zero and zero maps exactly to 0. Every weight then
 * comes back within {@code scale / 2} of its value, apart from float rounding.
 */
public final class Int8Quantizer {

    /** The largest quantized magnitude. */
    public static final int MAX_LEVEL = 127;

    /**
     * An int8 tensor with its scales.
     *
     * @param shape the shape of the weight
     * @param values the quantized values, in the weight's row-major order
     * @param scales one per output channel (see {@link #channelCount}), or a single one for the whole tensor
     */
    public record Int8Weight(long[] shape, byte[] values, float[] scales) {

        /** Returns the scale that applies to element {@code index}. */
        public float scaleAt(int index) {
            return scales.length == 1 ? scales[0] : scales[index % scales.length];
        }
    }

    private Int8Quantizer() {
    }

    /**
     * Quantizes with one scale per output channel: the last dimension of a Conv2D or dense kernel, or the channel
     * dimension of a depthwise kernel {@code [k, k, channels, 1]}, whose last dimension is 1.
     */
    public static Int8Weight perChannel(WeightSet.Weight weight) {
        int channels = Math.toIntExact(channelCount(weight.shape()));
        float[] maxAbs = new float[channels];
        float[] values = weight.values();
        for (int i = 0; i < values.length; i++) {
            maxAbs[i % channels] = Math.max(maxAbs[i % channels], Math.abs(values[i]));
        }
        return quantize(weight, scalesFor(maxAbs));
    }

    /** Quantizes with one scale for the whole tensor, as TensorFlow's {@code QuantizedConv2D} expects. */
    public static Int8Weight perTensor(WeightSet.Weight weight) {
        float maxAbs = 0;
        for (float value : weight.values()) {
            maxAbs = Math.max(maxAbs, Math.abs(value));
        }
        return quantize(weight, scalesFor(new float[] {maxAbs}));
    }

    /** Returns the float weight that {@code quantized} stands for. */
    public static WeightSet.Weight dequantize(Int8Weight quantized) {
        float[] values = new float[quantized.values().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = quantized.values()[i] * quantized.scaleAt(i);
        }
        return new WeightSet.Weight(quantized.shape(), values);
    }

    private static Int8Weight quantize(WeightSet.Weight weight, float[] scales) {
        float[] values = weight.values();
        byte[] levels = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            float scale = scales.length == 1 ? scales[0] : scales[i % scales.length];
            long level = Math.round(values[i] / scale);
            levels[i] = (byte) Math.max(-MAX_LEVEL, Math.min(MAX_LEVEL, level));
        }
        return new Int8Weight(weight.shape().clone(), levels, scales);
    }

    /**
     * Returns the number of output channels of a kernel. For a last dimension of 1, as in a depthwise kernel, the
     * channels are the dimension before it. Element {@code i} belongs to channel {@code i % count} either way,
     * because the kernel is stored in row-major order.
     */
    public static long channelCount(long[] shape) {
        long last = shape[shape.length - 1];
        return last == 1 && shape.length >= 2 ? shape[shape.length - 2] : last;
    }

    /** Returns {@code max / 127} per channel, and 1 for a channel of zeros so that it quantizes without dividing by 0. */
    private static float[] scalesFor(float[] maxAbs) {
        float[] scales = new float[maxAbs.length];
        for (int c = 0; c < scales.length; c++) {
            scales[c] = maxAbs[c] > 0 ? maxAbs[c] / MAX_LEVEL : 1f;
        }
        return scales;
    }
}
