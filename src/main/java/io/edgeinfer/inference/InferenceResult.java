package io.edgeinfer.inference;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The JSON result of one request, the same over MQTT and REST.
 *
 * @param requestId the id the caller gave
 * @param model the model that ran
 * @param variant the variant that ran, which can change between requests when the service swaps variants
 * @param predictions the top-k classes, highest score first
 * @param latencyMillis time spent in the service, by step
 */
@RegisterForReflection
public record InferenceResult(
        String requestId, String model, String variant, List<Prediction> predictions, Latency latencyMillis) {

    /**
     * Wall time of each step, in milliseconds.
     *
     * @param preprocess decoding and pre-processing the input
     * @param inference the model call
     * @param total both steps plus top-k
     */
    @RegisterForReflection
    public record Latency(double preprocess, double inference, double total) {
    }
}
