package io.edgeinfer.inference;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One class in a top-k result.
 *
 * @param label the class name from the manifest
 * @param index the class index in the model output
 * @param score the softmax probability, in [0, 1]
 */
@RegisterForReflection
public record Prediction(String label, int index, double score) {
}
