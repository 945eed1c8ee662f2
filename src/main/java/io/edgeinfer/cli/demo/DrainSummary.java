package io.edgeinfer.cli.demo;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/**
 * The figures of one battery-drain run, printed as text or as one JSON object.
 *
 * @param durationSeconds how long frames were sent
 * @param sent frames the broker acknowledged
 * @param results result replies received
 * @param errors error replies received
 * @param missing frames that got neither reply before the timeout
 * @param latencyMillis publish-to-reply percentiles over the whole run, in milliseconds
 * @param swaps the swaps the status topic reported, in order
 * @param failures the failed swaps the status topic reported, in order
 * @param variants results and accuracy per variant that served them
 * @param plot the timeline PNG, or null if none was written
 */
@RegisterForReflection
public record DrainSummary(double durationSeconds, int sent, int results, int errors, int missing,
        DemoSummary.Percentiles latencyMillis, List<Swap> swaps, List<Failure> failures,
        Map<String, VariantAccuracy> variants, String plot) {

    /** One swap, at a time counted from the start of the run. */
    @RegisterForReflection
    public record Swap(double atSeconds, String from, String to, String reason, String band, Double batteryLevel) {
    }

    /** One failed swap; the previous variant kept serving. */
    @RegisterForReflection
    public record Failure(double atSeconds, String variant, String reason, String message) {
    }

    /** Results a variant served, and how many of them were correct. */
    @RegisterForReflection
    public record VariantAccuracy(int results, int correct, double accuracy) {
    }

    /** Returns the summary as aligned lines of text. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        line(text, "sent", sent + " frames in " + String.format("%.0f s", durationSeconds));
        line(text, "results", Integer.toString(results));
        line(text, "errors", Integer.toString(errors));
        line(text, "missing", Integer.toString(missing));
        line(text, "swaps", swaps.size() + (failures.isEmpty() ? "" : ", " + failures.size() + " failed"));
        line(text, "latency", String.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (publish to reply)",
                latencyMillis.p50(), latencyMillis.p95(), latencyMillis.p99(), latencyMillis.max()));
        variants.forEach((variant, a) -> line(text, "accuracy", String.format("%-24s %.2f%% (%d of %d correct)",
                variant, a.accuracy() * 100, a.correct(), a.results())));
        if (plot != null) {
            line(text, "timeline", plot);
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String name, String value) {
        text.append(String.format("%-12s %s%n", name, value));
    }
}
