package io.edgeinfer.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.edgeinfer.json.JsonSyntax;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;

/** Parses the JSON payload of the {@code telemetry/battery} topic: {@code {"level":0.0-1.0,"charging":bool}}. */
public final class BatteryMessages {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BatteryMessages() {
    }

    /**
     * Parses one message.
     *
     * @throws InvalidTelemetryException if the payload is not a JSON object, or {@code level} is missing, not a
     *     number or outside [0, 1], or {@code charging} is missing or not a boolean
     */
    public static BatteryReading parse(byte[] payload, Instant receivedAt) {
        if (payload.length == 0) {
            throw new InvalidTelemetryException(
                    "Battery message is empty; send {\"level\":0.0-1.0,\"charging\":true|false}");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new InvalidTelemetryException("Battery message is not valid JSON (" + JsonSyntax.describe(e)
                    + "); send {\"level\":0.0-1.0,\"charging\":true|false}");
        } catch (IOException e) {
            throw new InvalidTelemetryException("Battery message cannot be read: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new InvalidTelemetryException("Battery message is not a JSON object; send"
                    + " {\"level\":0.0-1.0,\"charging\":true|false}");
        }
        JsonNode level = json.get("level");
        if (level == null || !level.isNumber()) {
            throw new InvalidTelemetryException("Battery message has no numeric \"level\" (got " + level
                    + "); send the charge as a fraction from 0 to 1");
        }
        JsonNode charging = json.get("charging");
        if (charging == null || !charging.isBoolean()) {
            throw new InvalidTelemetryException("Battery message has no boolean \"charging\" (got " + charging
                    + "); send true or false");
        }
        return new BatteryReading(level.asDouble(), charging.asBoolean(), BatterySource.MQTT, receivedAt);
    }
}
