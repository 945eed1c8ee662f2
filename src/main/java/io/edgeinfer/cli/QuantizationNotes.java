package io.edgeinfer.cli;

import io.edgeinfer.compression.quant.LayerPlan;
import io.edgeinfer.compression.quant.Precision;
import java.util.List;
import java.util.Map;

/** The manifest notes of a quantized variant: what its figures do not show. */
final class QuantizationNotes {

    private QuantizationNotes() {
    }

    static List<String> forMode(Precision precision, Map<String, LayerPlan> plans) {
        return switch (precision) {
            case FLOAT16 -> List.of("Weights are stored as float16 and cast to float32 at every call, so this variant"
                    + " computes in float32 and is not faster than its parent; only its files are smaller.");
            case INT8_WEIGHTS -> List.of("Kernels are stored as int8 and dequantized to float32 at every call, so this"
                    + " variant computes in float32 and is not faster than its parent; only its files are smaller."
                    + " The int8 values sit in uint8 variables because TensorFlow Java 1.1.0 cannot save int8"
                    + " variables; the graph bitcasts them back to int8.");
            case INT8_COMPUTE -> List.of("Layers in int8: " + plans.entrySet().stream()
                    .filter(e -> e.getValue().precision() == Precision.INT8_COMPUTE).map(Map.Entry::getKey).toList()
                    + ". Each choice was timed on the machine that made this variant; on another CPU, or a TensorFlow"
                    + " build without oneDNN, int8 may be slower than float32.");
            case FLOAT32 -> List.of();
        };
    }
}
