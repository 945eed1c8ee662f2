package io.edgeinfer.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The serving signature that the runtime calls: one float input batch and one output batch.
 *
 * @param signatureKey the SavedModel signature, {@code serving_default} for models made by our toolkit
 * @param input the image or tensor input, NHWC with a leading batch dimension
 * @param output the class scores, shape {@code [-1, labels]}
 * @param outputKind whether the output is already a probability distribution or still logits
 */
@RegisterForReflection
public record ModelInterface(String signatureKey, TensorSpec input, TensorSpec output, OutputKind outputKind) {

    /** What the values of the output tensor mean. */
    @RegisterForReflection
    public enum OutputKind {
        /** Softmax probabilities that sum to 1 for each example. */
        @JsonProperty("probabilities")
        PROBABILITIES,
        /** Unnormalized scores; the runtime applies softmax before top-k. */
        @JsonProperty("logits")
        LOGITS
    }
}
