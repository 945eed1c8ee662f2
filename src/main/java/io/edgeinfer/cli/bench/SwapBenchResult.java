package io.edgeinfer.cli.bench;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The figures of one {@code bench swap} run.
 *
 * @param machine the CPU and OS the run measured
 * @param variants the two variants swapped back and forth
 * @param ratePerSecond frames sent per second in both phases
 * @param steady replies to frames sent while no swap ran
 * @param swapping replies to frames sent while the swaps ran
 * @param swaps swaps completed
 * @param p99Ratio the swapping phase's p99 divided by the steady phase's p99
 * @param rssAfterFirstSwapMiB resident memory right after the first swap, in MiB
 * @param rssAfterLastSwapMiB resident memory after the last swap, once its old variant closed, in MiB
 * @param rssRatio the second RSS figure divided by the first
 * @param rssAfterEachSwapMiB resident memory after each swap, in MiB
 * @param heapAfterFirstSwapMiB Java heap committed right after the first swap, in MiB, which RSS includes
 * @param heapAfterLastSwapMiB Java heap committed after the last swap, in MiB
 */
@RegisterForReflection
public record SwapBenchResult(String machine, List<String> variants, int ratePerSecond, PhaseResult steady,
        PhaseResult swapping, int swaps, double p99Ratio, double rssAfterFirstSwapMiB, double rssAfterLastSwapMiB,
        double rssRatio, List<Double> rssAfterEachSwapMiB, double heapAfterFirstSwapMiB,
        double heapAfterLastSwapMiB) {

    /** Replies of one phase, with publish-to-reply latency in milliseconds. */
    @RegisterForReflection
    public record PhaseResult(double seconds, int sent, int results, int errors, int missing, double p50Millis,
            double p99Millis, double maxMillis) {
    }

    /** Returns the result as aligned lines of text, with the two targets. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        line(text, "machine", machine);
        line(text, "variants", String.join(" <-> ", variants) + ", " + swaps + " swaps, " + ratePerSecond
                + " frames/s");
        phase(text, "steady", steady);
        phase(text, "swapping", swapping);
        line(text, "p99 ratio", String.format("%.2f (swapping / steady; target <= 1.5: %s)", p99Ratio,
                p99Ratio <= 1.5 ? "met" : "missed"));
        line(text, "rss", String.format("%.1f MiB after the first swap, %.1f MiB after swap %d", rssAfterFirstSwapMiB,
                rssAfterLastSwapMiB, swaps));
        line(text, "rss ratio", String.format("%.3f (target within 10%%: %s)", rssRatio,
                Math.abs(rssRatio - 1) <= 0.10 ? "met" : "missed"));
        line(text, "java heap", String.format("%.1f MiB committed after the first swap, %.1f MiB after the last"
                + " (part of the RSS; fix it with -Xms equal to -Xmx to see native memory alone)",
                heapAfterFirstSwapMiB, heapAfterLastSwapMiB));
        return text.toString();
    }

    private static void phase(StringBuilder text, String name, PhaseResult phase) {
        line(text, name, String.format("%.0f s, %d sent, %d results, %d errors, %d missing; p50 %.2f ms, p99 %.2f ms,"
                + " max %.2f ms", phase.seconds(), phase.sent(), phase.results(), phase.errors(), phase.missing(),
                phase.p50Millis(), phase.p99Millis(), phase.maxMillis()));
    }

    private static void line(StringBuilder text, String name, String value) {
        text.append(String.format("%-10s %s%n", name, value));
    }
}
