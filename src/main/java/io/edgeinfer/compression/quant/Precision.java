package io.edgeinfer.compression.quant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The storage type and compute precision of one layer's weights in an exported graph. */
public enum Precision {
    /** Float32 variables: the layer as trained. */
    @JsonProperty("float32")
    FLOAT32,
    /** Float16 variables, cast to float32 in the graph before the float kernel runs. */
    @JsonProperty("float16")
    FLOAT16,
    /** Int8 kernel with one float scale per output channel, dequantized to float32 in the graph at every call. */
    @JsonProperty("int8-weights")
    INT8_WEIGHTS,
    /**
     * Int8 compute: the input is quantized to quint8 over a calibrated range, and TensorFlow's
     * {@code QuantizedConv2D} runs on it with a qint8 kernel; the int32 result is dequantized. Conv2D only.
     */
    @JsonProperty("int8-compute")
    INT8_COMPUTE
}
