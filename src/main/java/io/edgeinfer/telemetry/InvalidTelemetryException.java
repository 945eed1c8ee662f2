package io.edgeinfer.telemetry;

/** A telemetry message or sysfs file that cannot be read as a reading; the message names the value and the fix. */
public class InvalidTelemetryException extends RuntimeException {

    public InvalidTelemetryException(String message) {
        super(message);
    }
}
