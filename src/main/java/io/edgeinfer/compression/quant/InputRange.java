package io.edgeinfer.compression.quant;

/**
 * The range of one layer's input seen during calibration.
 *
 * @param min the smallest value seen
 * @param max the value int8 compute maps to the top quantization level: the largest value seen, or a percentile
 * @param observedMax the largest value seen
 * @param samples values seen
 */
public record InputRange(float min, float max, float observedMax, long samples) {
}
