package io.edgeinfer.transport;

import io.edgeinfer.inference.ErrorCode;
import io.edgeinfer.inference.InputKind;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The JSON error reply, the same over MQTT and REST.
 *
 * @param requestId the id the caller gave, empty when the request had none
 * @param kind the input kind of the request
 * @param code a stable code to match on
 * @param message what was wrong, with the value received and what to do
 */
@RegisterForReflection
public record ErrorReply(String requestId, InputKind kind, ErrorCode code, String message) {
}
