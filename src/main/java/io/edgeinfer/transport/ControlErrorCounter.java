package io.edgeinfer.transport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * Counts rejected control and telemetry requests in {@code edgeinfer.control.errors}, tagged by kind and code, for
 * both transports: the MQTT control and telemetry topics and {@code PUT /v1/models/active}.
 */
@ApplicationScoped
public class ControlErrorCounter {

    private final MeterRegistry registry;

    public ControlErrorCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Adds one rejected request of {@code kind} ({@code control} or {@code telemetry}). */
    public void increment(String kind, ControlErrorCode code) {
        Counter.builder("edgeinfer.control.errors")
                .description("Control and telemetry requests that got an error reply, by kind and code")
                .tags("kind", kind, "code", code.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }
}
