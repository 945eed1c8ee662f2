package io.edgeinfer.telemetry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Settings of the battery and temperature sources and of the latency windows ({@code edgeinfer.telemetry.*}). */
@ConfigMapping(prefix = "edgeinfer.telemetry")
public interface TelemetryConfig {

    /**
     * The Linux power-supply folder. Each subfolder whose {@code type} is {@code Battery} gives a reading from its
     * {@code capacity} (percent) and {@code status} files. A missing folder means no sysfs battery.
     */
    @WithDefault("/sys/class/power_supply")
    Path powerSupplyDir();

    /** The Linux thermal folder; the hottest {@code thermal_zone*}/{@code temp} is the CPU temperature. */
    @WithDefault("/sys/class/thermal")
    Path thermalDir();

    /** How often the sysfs battery and temperature files are read. */
    @WithDefault("5s")
    Duration pollInterval();

    /**
     * How long a battery reading from MQTT takes precedence over sysfs. After that the sysfs reading, if any,
     * applies again.
     */
    @WithDefault("60s")
    Duration mqttBatteryTtl();

    /** The span of the rolling latency windows that the policy and the latency gauges read. */
    @WithDefault("30s")
    Duration latencyWindow();
}
