package io.edgeinfer.transport;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The JSON error reply to a control or telemetry message, in the same shape as the error reply to a frame.
 *
 * @param requestId over MQTT, {@code control-<n>} or {@code telemetry-<n>}, counting from 1 since the service
 *     started, which is also the last level of the errors topic it goes to; empty over REST
 * @param kind {@code control} or {@code telemetry}
 * @param code a stable code to match on
 * @param message what was wrong, with the value received and what to do
 */
@RegisterForReflection
public record ControlErrorReply(String requestId, String kind, ControlErrorCode code, String message) {
}
