package io.edgeinfer.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * Reads CPU temperature from the Linux thermal class: {@code <dir>/thermal_zone*}/{@code temp} in millidegrees
 * Celsius. A Raspberry Pi throttles its clock as it heats up, which raises latency.
 */
public final class ThermalZones {

    private ThermalZones() {
    }

    /** Returns the hottest zone in degrees Celsius, or empty when no zone can be read. */
    public static OptionalDouble maxCelsius(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return OptionalDouble.empty();
        }
        double max = Double.NEGATIVE_INFINITY;
        try (Stream<Path> zones = Files.list(dir)) {
            for (Path zone : (Iterable<Path>) zones.filter(z -> z.getFileName().toString().startsWith("thermal_zone"))
                    .sorted()::iterator) {
                Path temp = zone.resolve("temp");
                if (!Files.isReadable(temp)) {
                    continue;
                }
                try {
                    max = Math.max(max, Long.parseLong(Files.readString(temp).strip()) / 1000.0);
                } catch (NumberFormatException | IOException e) {
                    // Some zones, such as disabled ones, fail to read or hold no number; the others still count.
                }
            }
        }
        return max == Double.NEGATIVE_INFINITY ? OptionalDouble.empty() : OptionalDouble.of(max);
    }
}
