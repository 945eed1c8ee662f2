package io.edgeinfer.telemetry;

import com.fasterxml.jackson.annotation.JsonValue;

/** The source of a battery reading. */
public enum BatterySource {
    /** The {@code telemetry/battery} MQTT topic. */
    MQTT("mqtt"),
    /** A Linux {@code power_supply} folder in sysfs. */
    SYSFS("sysfs");

    private final String tag;

    BatterySource(String tag) {
        this.tag = tag;
    }

    @JsonValue
    public String tag() {
        return tag;
    }
}
