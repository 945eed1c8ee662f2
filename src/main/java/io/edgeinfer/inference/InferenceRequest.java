package io.edgeinfer.inference;

/**
 * One request to classify an input.
 *
 * @param requestId the caller's id, echoed in the result or error
 * @param kind how to read {@code payload}
 * @param payload the encoded image or tensor, not copied, so the caller must not change it afterwards
 * @param model the model to use, or null for the service's default model
 * @param topK how many classes to return, or null for the configured default
 */
public record InferenceRequest(String requestId, InputKind kind, byte[] payload, String model, Integer topK) {
}
