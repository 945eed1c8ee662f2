package io.edgeinfer.inference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The request and latency meters. Tag values come only from enums and the catalog's model and variant names,
 * never from request ids, so the number of series stays bounded.
 */
@ApplicationScoped
public class RequestMetrics {

    /** The {@code outcome} tag value of a request that produced a result. */
    public static final String SUCCESS = "success";

    private final MeterRegistry registry;

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts a request that produced a result. */
    public void countSuccess(InputKind kind) {
        counter(kind, SUCCESS).increment();
    }

    /** Counts a request that got an error reply, tagged with its error code in lowercase. */
    public void countError(InputKind kind, ErrorCode code) {
        counter(kind, code.name().toLowerCase(Locale.ROOT)).increment();
    }

    private Counter counter(InputKind kind, String outcome) {
        return Counter.builder("edgeinfer.requests")
                .description("Requests by input kind and outcome: success or the error code")
                .tags("kind", kind.tag(), "outcome", outcome)
                .register(registry);
    }

    /** Records one model call. */
    public void recordInference(String model, String variant, boolean success, long nanos) {
        Timer.builder("edgeinfer.inference.latency")
                .description("Time of one model call, without decoding or pre-processing")
                .tags("model", model, "variant", variant, "outcome", success ? SUCCESS : "error")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Records the decoding and pre-processing of one input that succeeded. */
    public void recordPreprocess(InputKind kind, long nanos) {
        Timer.builder("edgeinfer.preprocess.latency")
                .description("Time to decode and pre-process one input")
                .tags("kind", kind.tag())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
