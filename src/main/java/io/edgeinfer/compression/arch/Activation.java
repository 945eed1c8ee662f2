package io.edgeinfer.compression.arch;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The non-linearity after a layer. */
public enum Activation {
    @JsonProperty("none")
    NONE,
    @JsonProperty("relu")
    RELU,
    /** ReLU capped at 6, as in MobileNet, which keeps activations in a range that quantizes well. */
    @JsonProperty("relu6")
    RELU6
}
