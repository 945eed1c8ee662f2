package io.edgeinfer.telemetry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latest battery reading, from the MQTT topic or from sysfs.
 *
 * <p>An MQTT reading takes precedence over sysfs for {@code edgeinfer.telemetry.mqtt-battery-ttl} after it
 * arrives, because a board that publishes its own level measures it more directly than a generic power-supply driver. After
 * that the latest sysfs reading applies, if there is one. Thread-safe.
 */
@ApplicationScoped
public class BatteryState {

    private final Duration mqttTtl;
    private final AtomicReference<BatteryReading> mqtt = new AtomicReference<>();
    private final AtomicReference<BatteryReading> sysfs = new AtomicReference<>();

    public BatteryState(TelemetryConfig config, MeterRegistry registry) {
        this.mqttTtl = config.mqttBatteryTtl();
        Gauge.builder("edgeinfer.battery.level", this, s -> s.current().map(BatteryReading::level).orElse(Double.NaN))
                .description("Battery charge as a fraction from 0 to 1; NaN while no reading has arrived")
                .register(registry);
        Gauge.builder("edgeinfer.battery.charging", this,
                        s -> s.current().map(r -> r.charging() ? 1.0 : 0.0).orElse(Double.NaN))
                .description("1 while external power is connected, 0 on battery, NaN while no reading has arrived")
                .register(registry);
    }

    /** Stores a reading from its source. */
    public void update(BatteryReading reading) {
        (reading.source() == BatterySource.MQTT ? mqtt : sysfs).set(reading);
    }

    /** Forgets the sysfs reading, because the battery is gone from sysfs, for example after a driver unload. */
    public void clearSysfs() {
        sysfs.set(null);
    }

    /** Returns the reading in force now, or empty when neither source has given one. */
    public Optional<BatteryReading> current() {
        return current(Instant.now());
    }

    Optional<BatteryReading> current(Instant now) {
        BatteryReading fromMqtt = mqtt.get();
        if (fromMqtt != null && fromMqtt.at().plus(mqttTtl).isAfter(now)) {
            return Optional.of(fromMqtt);
        }
        BatteryReading fromSysfs = sysfs.get();
        if (fromSysfs != null) {
            return Optional.of(fromSysfs);
        }
        return Optional.ofNullable(fromMqtt);
    }
}
