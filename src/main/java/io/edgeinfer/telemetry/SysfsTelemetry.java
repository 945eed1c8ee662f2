package io.edgeinfer.telemetry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Polls the sysfs battery and CPU temperature every {@code edgeinfer.telemetry.poll-interval} on a thread of its
 * own, and publishes the temperature as {@code edgeinfer.cpu.temperature} in degrees Celsius.
 *
 * <p>A failed read is logged once until a read succeeds again, so a broken driver cannot flood the log.
 */
@ApplicationScoped
public class SysfsTelemetry {

    private static final Logger LOG = Logger.getLogger(SysfsTelemetry.class);

    private final TelemetryConfig config;
    private final BatteryState battery;
    private volatile double cpuCelsius = Double.NaN;
    private volatile boolean lastReadFailed;
    private ScheduledExecutorService poller;

    public SysfsTelemetry(TelemetryConfig config, BatteryState battery, MeterRegistry registry) {
        this.config = config;
        this.battery = battery;
        Gauge.builder("edgeinfer.cpu.temperature", this, t -> t.cpuCelsius)
                .description("Hottest thermal zone in degrees Celsius; NaN when sysfs has none")
                .baseUnit("celsius")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "edgeinfer-sysfs");
            thread.setDaemon(true);
            return thread;
        });
        long periodMillis = Math.max(1, config.pollInterval().toMillis());
        poller.scheduleWithFixedDelay(this::poll, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    /** Reads the battery and temperature once; a failure is logged instead of thrown, so polling goes on. */
    public void poll() {
        try {
            SysfsBattery.read(config.powerSupplyDir(), Instant.now())
                    .ifPresentOrElse(battery::update, battery::clearSysfs);
            OptionalDouble celsius = ThermalZones.maxCelsius(config.thermalDir());
            cpuCelsius = celsius.orElse(Double.NaN);
            lastReadFailed = false;
        } catch (IOException | RuntimeException e) {
            if (!lastReadFailed) {
                LOG.warnf("Failed to read sysfs telemetry from %s and %s: %s; retrying every %s",
                        config.powerSupplyDir(), config.thermalDir(), e.getMessage(), config.pollInterval());
            }
            lastReadFailed = true;
        }
    }

    /** Returns the CPU temperature in degrees Celsius, or NaN when unknown. */
    public double cpuCelsius() {
        return cpuCelsius;
    }
}
