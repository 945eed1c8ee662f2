package io.edgeinfer.telemetry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/**
 * Rolling windows of the service's own latency, one per {@link LatencyStage}, with gauges of their percentiles
 * ({@code edgeinfer.latency.window}, tagged by stage and quantile, in seconds). Thread-safe.
 */
@ApplicationScoped
public class LatencyTelemetry {

    private static final double[] QUANTILES = {0.5, 0.95, 0.99};

    private final Map<LatencyStage, LatencyWindow> windows = new EnumMap<>(LatencyStage.class);

    public LatencyTelemetry(TelemetryConfig config, MeterRegistry registry) {
        for (LatencyStage stage : LatencyStage.values()) {
            LatencyWindow window = new LatencyWindow(config.latencyWindow(), System::nanoTime);
            windows.put(stage, window);
            for (double quantile : QUANTILES) {
                Gauge.builder("edgeinfer.latency.window", window,
                                w -> w.percentileMillis(quantile * 100).orElse(Double.NaN) / 1000.0)
                        .description("Latency percentile over the rolling window; NaN while the window is empty")
                        .baseUnit("seconds")
                        .tags("stage", stage.tag(), "quantile", Double.toString(quantile))
                        .register(registry);
            }
        }
    }

    /** Records one latency of a stage, in nanoseconds. */
    public void record(LatencyStage stage, long nanos) {
        windows.get(stage).record(nanos);
    }

    /** Returns the window of one stage. */
    public LatencyWindow window(LatencyStage stage) {
        return windows.get(stage);
    }

    /** Empties every window, so that they describe only what runs from now on. */
    public void reset() {
        windows.values().forEach(LatencyWindow::reset);
    }
}
