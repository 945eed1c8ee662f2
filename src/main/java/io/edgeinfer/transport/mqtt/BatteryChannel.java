package io.edgeinfer.transport.mqtt;

import io.edgeinfer.telemetry.BatteryMessages;
import io.edgeinfer.telemetry.BatteryState;
import io.edgeinfer.telemetry.InvalidTelemetryException;
import io.edgeinfer.transport.ControlErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes the {@code battery} channel ({@code <prefix>/<device>/telemetry/battery}):
 * {@code {"level":0.0-1.0,"charging":bool}}. A bad message gets an {@code INVALID_TELEMETRY} error reply and leaves
 * the last good reading in force. Parsing a small JSON object does not block the event loop.
 */
@ApplicationScoped
public class BatteryChannel {

    private final BatteryState battery;
    private final ControlErrors errors;

    public BatteryChannel(BatteryState battery, ControlErrors errors) {
        this.battery = battery;
        this.errors = errors;
    }

    @Incoming("battery")
    public CompletionStage<Void> onBattery(Message<byte[]> message) {
        byte[] payload = message.getPayload() == null ? new byte[0] : message.getPayload();
        try {
            battery.update(BatteryMessages.parse(payload, Instant.now()));
        } catch (InvalidTelemetryException e) {
            String topic = Topics.topicOf(message, "telemetry/battery");
            errors.report(ControlErrors.Kind.TELEMETRY, topic, ControlErrorCode.INVALID_TELEMETRY, e.getMessage());
        }
        return message.ack();
    }
}
