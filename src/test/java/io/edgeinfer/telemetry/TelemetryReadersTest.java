package io.edgeinfer.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Battery JSON, sysfs folders written by the test, and the rolling latency window. */
class TelemetryReadersTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path sysfs;

    @Test
    void batteryJsonIsParsed() {
        BatteryReading reading = BatteryMessages.parse("{\"level\":0.42,\"charging\":true}".getBytes(), NOW);

        assertEquals(0.42, reading.level(), 1e-9);
        assertTrue(reading.charging());
        assertEquals(BatterySource.MQTT, reading.source());
    }

    @Test
    void badBatteryJsonIsRejected() {
        assertRejected("{\"level\":", "not valid JSON");
        assertRejected("[1]", "not a JSON object");
        assertRejected("{\"level\":\"full\",\"charging\":false}", "numeric \"level\"");
        assertRejected("{\"level\":1.5,\"charging\":false}", "1.5");
        assertRejected("{\"level\":-0.1,\"charging\":false}", "-0.1");
        assertRejected("{\"level\":0.5}", "\"charging\"");
        assertRejected("", "Battery message is empty");
        assertRejected("{\"level\":NaN,\"charging\":false}", "Non-standard token 'NaN' at line 1, column 13");
    }

    private static void assertRejected(String json, String expected) {
        InvalidTelemetryException error = assertThrows(InvalidTelemetryException.class,
                () -> BatteryMessages.parse(json.getBytes(), NOW));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    @Test
    void sysfsBatteryIsRead() throws IOException {
        writeSupply("AC", "Mains", null, null);
        writeSupply("BAT0", "Battery", "37\n", "Discharging\n");

        BatteryReading reading = SysfsBattery.read(sysfs, NOW).orElseThrow();

        assertEquals(0.37, reading.level(), 1e-9);
        assertFalse(reading.charging());
        assertEquals(BatterySource.SYSFS, reading.source());
    }

    @Test
    void sysfsFullCountsAsCharging() throws IOException {
        writeSupply("BAT1", "Battery", "100", "Full");

        assertTrue(SysfsBattery.read(sysfs, NOW).orElseThrow().charging());
    }

    @Test
    void sysfsWithoutBatteryIsEmpty() throws IOException {
        writeSupply("AC", "Mains", null, null);

        assertTrue(SysfsBattery.read(sysfs, NOW).isEmpty());
        assertTrue(SysfsBattery.read(sysfs.resolve("absent"), NOW).isEmpty());
    }

    @Test
    void sysfsGarbageCapacityIsRejected() throws IOException {
        writeSupply("BAT0", "Battery", "lots", "Charging");

        assertThrows(InvalidTelemetryException.class, () -> SysfsBattery.read(sysfs, NOW));
    }

    @Test
    void hottestThermalZoneWins() throws IOException {
        Files.createDirectories(sysfs.resolve("thermal_zone0"));
        Files.writeString(sysfs.resolve("thermal_zone0/temp"), "48312\n");
        Files.createDirectories(sysfs.resolve("thermal_zone1"));
        Files.writeString(sysfs.resolve("thermal_zone1/temp"), "61000\n");
        Files.createDirectories(sysfs.resolve("cooling_device0"));

        assertEquals(61.0, ThermalZones.maxCelsius(sysfs).orElseThrow(), 1e-9);
    }

    @Test
    void latencyWindowForgetsOldValues() {
        AtomicLong clock = new AtomicLong(0);
        LatencyWindow window = new LatencyWindow(Duration.ofSeconds(6), clock::get);
        for (int i = 1; i <= 100; i++) {
            window.record(i * 1_000_000L);
        }

        assertEquals(100, window.count());
        assertEquals(99.0, window.percentileMillis(99).orElseThrow(), 1.0);

        clock.set(Duration.ofSeconds(7).toNanos());
        window.record(5_000_000L);

        assertEquals(1, window.count());
        assertEquals(5.0, window.percentileMillis(99).orElseThrow(), 0.1);
    }

    @Test
    void mqttReadingExpiresToSysfs() {
        BatteryState state = new BatteryState(ttl(Duration.ofSeconds(60)),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        state.update(new BatteryReading(0.8, false, BatterySource.SYSFS, NOW));
        state.update(new BatteryReading(0.2, false, BatterySource.MQTT, NOW));

        assertEquals(0.2, state.current(NOW.plusSeconds(30)).orElseThrow().level(), 1e-9);
        assertEquals(0.8, state.current(NOW.plusSeconds(61)).orElseThrow().level(), 1e-9);
    }

    private void writeSupply(String name, String type, String capacity, String status) throws IOException {
        Path dir = Files.createDirectories(sysfs.resolve(name));
        Files.writeString(dir.resolve("type"), type + "\n");
        if (capacity != null) {
            Files.writeString(dir.resolve("capacity"), capacity);
        }
        if (status != null) {
            Files.writeString(dir.resolve("status"), status);
        }
    }

    private static TelemetryConfig ttl(Duration ttl) {
        return new TelemetryConfig() {
            @Override
            public Path powerSupplyDir() {
                return Path.of("/nonexistent");
            }

            @Override
            public Path thermalDir() {
                return Path.of("/nonexistent");
            }

            @Override
            public Duration pollInterval() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration mqttBatteryTtl() {
                return ttl;
            }

            @Override
            public Duration latencyWindow() {
                return Duration.ofSeconds(30);
            }
        };
    }
}
