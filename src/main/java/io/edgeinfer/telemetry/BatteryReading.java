package io.edgeinfer.telemetry;

import java.time.Instant;

/**
 * One battery reading.
 *
 * @param level the charge as a fraction in [0, 1]
 * @param charging whether external power is connected and charging or holding the battery full
 * @param source where the reading came from
 * @param at when the service received or read it
 */
public record BatteryReading(double level, boolean charging, BatterySource source, Instant at) {

    public BatteryReading {
        if (!(level >= 0 && level <= 1)) {
            throw new InvalidTelemetryException("Battery level is " + level + "; send a fraction from 0 to 1");
        }
    }
}
