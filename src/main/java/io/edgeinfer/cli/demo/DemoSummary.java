package io.edgeinfer.cli.demo;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/**
 * What a demo run measured, printed as text or as one JSON object.
 *
 * @param images frames the run meant to send
 * @param sent frames the broker acknowledged
 * @param results result replies received
 * @param errors error replies received
 * @param missing frames that got neither reply before the timeout
 * @param correct results whose top class is the true label
 * @param accuracy {@code correct / results}, or 0 without results
 * @param latencyMillis publish-to-reply time percentiles, in milliseconds
 * @param throughputPerSecond replies per second from the first publish to the last reply
 * @param variants result count per variant that served them
 * @param errorCodes error reply count per code
 */
@RegisterForReflection
public record DemoSummary(
        int images,
        int sent,
        int results,
        int errors,
        int missing,
        int correct,
        double accuracy,
        Percentiles latencyMillis,
        double throughputPerSecond,
        Map<String, Integer> variants,
        Map<String, Integer> errorCodes) {

    /** Latency percentiles in milliseconds. */
    @RegisterForReflection
    public record Percentiles(double p50, double p95, double p99, double max) {
    }

    /** Returns the summary as aligned lines of text. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        line(text, "sent", sent + " of " + images);
        line(text, "results", Integer.toString(results));
        line(text, "errors", errors + (errorCodes.isEmpty() ? "" : " " + errorCodes));
        line(text, "missing", Integer.toString(missing));
        line(text, "accuracy", String.format("%.2f%% (%d of %d correct)", accuracy * 100, correct, results));
        line(text, "latency", String.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (publish to reply)",
                latencyMillis.p50(), latencyMillis.p95(), latencyMillis.p99(), latencyMillis.max()));
        line(text, "throughput", String.format("%.1f replies/s", throughputPerSecond));
        variants.forEach((variant, count) -> line(text, "variant", variant + ": " + count + " results"));
        return text.toString();
    }

    private static void line(StringBuilder text, String name, String value) {
        text.append(String.format("%-12s %s%n", name, value));
    }
}
