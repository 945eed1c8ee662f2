package io.edgeinfer.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the battery from the Linux power-supply class: {@code <dir>/<supply>/type} is {@code Battery},
 * {@code capacity} contains the charge in percent and {@code status} is {@code Charging}, {@code Discharging},
 * {@code Not charging} or {@code Full}.
 */
public final class SysfsBattery {

    private SysfsBattery() {
    }

    /**
     * Returns the first battery under {@code dir}, by folder name, or empty when there is none.
     *
     * @throws InvalidTelemetryException if a battery's {@code capacity} is not a whole number from 0 to 100
     * @throws IOException if a file exists but cannot be read
     */
    public static Optional<BatteryReading> read(Path dir, Instant now) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Path> supplies;
        try (Stream<Path> entries = Files.list(dir)) {
            supplies = entries.sorted().toList();
        }
        for (Path supply : supplies) {
            if (isBattery(supply) && Files.isReadable(supply.resolve("capacity"))) {
                return Optional.of(reading(supply, now));
            }
        }
        return Optional.empty();
    }

    private static boolean isBattery(Path supply) throws IOException {
        Path type = supply.resolve("type");
        return Files.isReadable(type) && Files.readString(type).strip().equalsIgnoreCase("Battery");
    }

    private static BatteryReading reading(Path supply, Instant now) throws IOException {
        String capacity = Files.readString(supply.resolve("capacity")).strip();
        int percent;
        try {
            percent = Integer.parseInt(capacity);
        } catch (NumberFormatException e) {
            throw new InvalidTelemetryException(supply.resolve("capacity") + " contains \"" + capacity
                    + "\", not a whole percentage");
        }
        if (percent < 0 || percent > 100) {
            throw new InvalidTelemetryException(supply.resolve("capacity") + " contains " + percent
                    + ", outside 0 to 100");
        }
        Path statusFile = supply.resolve("status");
        String status = Files.isReadable(statusFile) ? Files.readString(statusFile).strip() : "Unknown";
        // "Full" means the charger is connected and keeps the battery full, so the device runs on external power.
        boolean charging = status.equalsIgnoreCase("Charging") || status.equalsIgnoreCase("Full");
        return new BatteryReading(percent / 100.0, charging, BatterySource.SYSFS, now);
    }
}
