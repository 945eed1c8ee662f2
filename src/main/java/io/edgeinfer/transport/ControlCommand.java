package io.edgeinfer.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.edgeinfer.json.JsonSyntax;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;

/**
 * A command from the MQTT control topic or {@code PUT /v1/models/active}: {@code {"action":"pin","variant":"name"}},
 * {@code {"action":"unpin"}} or {@code {"action":"reload"}}.
 *
 * @param action what to do
 * @param variant the variant to pin, or null for the other actions
 */
public record ControlCommand(Action action, String variant) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The control actions. */
    public enum Action {
        /** Put a variant in service and keep it there until unpinned. */
        PIN,
        /** Let the policy choose again. */
        UNPIN,
        /** Scan the models folder and calibrate added or changed variants. */
        RELOAD
    }

    /** A control payload that cannot be read as a command; the message names the value and the fix. */
    public static class InvalidCommandException extends RuntimeException {
        public InvalidCommandException(String message) {
            super(message);
        }
    }

    /**
     * Parses a command.
     *
     * @throws InvalidCommandException if the payload is not a JSON object with a known {@code action}, or a pin
     *     lacks a non-blank {@code variant}
     */
    public static ControlCommand parse(byte[] payload) {
        if (payload.length == 0) {
            throw new InvalidCommandException("Control message is empty; send {\"action\":\"pin\",\"variant\":"
                    + "\"<name>\"}, {\"action\":\"unpin\"} or {\"action\":\"reload\"}");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new InvalidCommandException("Control message is not valid JSON (" + JsonSyntax.describe(e)
                    + "); send {\"action\":\"pin\",\"variant\":\"<name>\"}, {\"action\":\"unpin\"} or"
                    + " {\"action\":\"reload\"}");
        } catch (IOException e) {
            throw new InvalidCommandException("Control message cannot be read: " + e.getMessage());
        }
        if (json == null || !json.isObject() || !json.path("action").isTextual()) {
            throw new InvalidCommandException("Control message has no \"action\"; send"
                    + " {\"action\":\"pin\",\"variant\":\"<name>\"}, {\"action\":\"unpin\"} or {\"action\":\"reload\"}");
        }
        String name = json.get("action").asText();
        Action action;
        try {
            action = Action.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException("Control action \"" + name + "\" is unknown; use pin, unpin or reload");
        }
        JsonNode variant = json.get("variant");
        if (action == Action.PIN && (variant == null || !variant.isTextual() || variant.asText().isBlank())) {
            throw new InvalidCommandException("Control action pin needs \"variant\", the name of a variant in the"
                    + " catalog (got " + variant + ")");
        }
        return new ControlCommand(action, action == Action.PIN ? variant.asText() : null);
    }
}
