package io.edgeinfer.compression.quant;

/**
 * The precision of one layer in an exported graph.
 *
 * @param precision how the layer's weights are stored and computed
 * @param inputMin the smallest input value that int8 compute represents; other precisions ignore it
 * @param inputMax the largest input value that int8 compute represents, from calibration; larger inputs saturate
 */
public record LayerPlan(Precision precision, float inputMin, float inputMax) {

    public static final LayerPlan FLOAT32 = of(Precision.FLOAT32);

    /** Returns a plan for a precision that needs no input range. */
    public static LayerPlan of(Precision precision) {
        return new LayerPlan(precision, 0f, 0f);
    }
}
