package io.edgeinfer.compression.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.compression.arch.WeightSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Int8QuantizerTest {

    @Test
    void perChannelRoundTripWithinHalfScale() {
        WeightSet.Weight weight = randomKernel(new long[] {3, 3, 4, 6}, 1);

        Int8Quantizer.Int8Weight quantized = Int8Quantizer.perChannel(weight);
        WeightSet.Weight restored = Int8Quantizer.dequantize(quantized);

        assertEquals(6, quantized.scales().length);
        assertRoundTrip(weight, quantized, restored);
    }

    @Test
    void depthwiseKernelGetsScalePerChannel() {
        WeightSet.Weight weight = randomKernel(new long[] {3, 3, 8, 1}, 3);

        Int8Quantizer.Int8Weight quantized = Int8Quantizer.perChannel(weight);
        WeightSet.Weight restored = Int8Quantizer.dequantize(quantized);

        assertEquals(8, quantized.scales().length);
        assertRoundTrip(weight, quantized, restored);
    }

    @Test
    void perTensorRoundTripWithinHalfScale() {
        WeightSet.Weight weight = randomKernel(new long[] {64, 10}, 2);

        Int8Quantizer.Int8Weight quantized = Int8Quantizer.perTensor(weight);
        WeightSet.Weight restored = Int8Quantizer.dequantize(quantized);

        assertEquals(1, quantized.scales().length);
        assertRoundTrip(weight, quantized, restored);
    }

    @Test
    void channelMaximumMapsToTopLevel() {
        WeightSet.Weight weight = new WeightSet.Weight(new long[] {2, 2}, new float[] {0.5f, -2f, -1f, 1f});

        Int8Quantizer.Int8Weight quantized = Int8Quantizer.perChannel(weight);

        assertArrayEquals(new float[] {1f / 127, 2f / 127}, quantized.scales(), 1e-9f);
        assertArrayEquals(new byte[] {64, -127, -127, 64}, quantized.values());
    }

    @Test
    void zeroChannelStaysZero() {
        WeightSet.Weight weight = new WeightSet.Weight(new long[] {3, 2}, new float[] {0f, 1f, 0f, -1f, 0f, 0.5f});

        Int8Quantizer.Int8Weight quantized = Int8Quantizer.perChannel(weight);
        WeightSet.Weight restored = Int8Quantizer.dequantize(quantized);

        assertEquals(1f, quantized.scales()[0]);
        assertEquals(0f, restored.values()[0]);
        assertEquals(0f, restored.values()[2]);
        assertEquals(0f, restored.values()[4]);
    }

    @Test
    void minus128NeverUsed() {
        WeightSet.Weight weight = randomKernel(new long[] {100, 5}, 3);

        for (byte level : Int8Quantizer.perChannel(weight).values()) {
            assertTrue(level >= -127, "level " + level);
        }
    }

    private static void assertRoundTrip(WeightSet.Weight weight, Int8Quantizer.Int8Weight quantized,
            WeightSet.Weight restored) {
        assertArrayEquals(weight.shape(), restored.shape());
        for (int i = 0; i < weight.values().length; i++) {
            float scale = quantized.scaleAt(i);
            float error = Math.abs(weight.values()[i] - restored.values()[i]);
            // Float rounding in w / scale and q * scale adds at most a few ulps on top of scale / 2.
            assertTrue(error <= scale / 2 + 4 * Math.ulp(Math.abs(weight.values()[i]) + scale),
                    "element " + i + ": error " + error + " above half the scale " + scale);
        }
    }

    private static WeightSet.Weight randomKernel(long[] shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long count = 1;
        for (long dim : shape) {
            count *= dim;
        }
        float[] values = new float[Math.toIntExact(count)];
        int channels = (int) Int8Quantizer.channelCount(shape);
        for (int i = 0; i < values.length; i++) {
            // Channels get different magnitudes, so one shared scale would be visibly coarser than per-channel ones.
            values[i] = (float) (random.nextGaussian() * 0.05 * (1 + i % channels));
        }
        return new WeightSet.Weight(shape, values);
    }
}
