package io.edgeinfer.compression.quant;

/**
 * Median wall times of one layer run alone, in float32 and in int8 compute, measured interleaved.
 *
 * @param layer the layer name
 * @param batchSize examples per call
 * @param floatMillis median of the float32 layer, in milliseconds
 * @param int8Millis median of the int8 layer, quantization and dequantization included, in milliseconds
 * @param runs timed calls of each
 */
public record LayerTiming(String layer, int batchSize, double floatMillis, double int8Millis, int runs) {

    /** Returns how many times faster int8 is than float32; below 1 when it is slower. */
    public double speedup() {
        return floatMillis / int8Millis;
    }
}
