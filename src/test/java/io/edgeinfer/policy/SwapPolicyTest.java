package io.edgeinfer.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The policy as a table of cases. Each row is a snapshot and the expected decision: a target and reason, or
 * "keep" for the cases that must not swap.
 */
class SwapPolicyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Instant LONG_AGO = NOW.minusSeconds(600);

    /** full is accurate and slow, pruned in between, tiny fast and least accurate. */
    private static final List<VariantStats> ALL = List.of(
            new VariantStats("full", 4.0, 0.93),
            new VariantStats("pruned", 2.0, 0.92),
            new VariantStats("tiny", 1.0, 0.88));

    private static final PolicySettings SETTINGS = new PolicySettings(
            List.of(new BatteryBand("high", 0.6, List.of("full", "pruned", "tiny"), RankingPreference.ACCURACY),
                    new BatteryBand("medium", 0.3, List.of("pruned", "tiny"), RankingPreference.ACCURACY),
                    new BatteryBand("low", 0.0, List.of("tiny"), RankingPreference.LATENCY)),
            Optional.of("high"), 0.05, 50.0, 20, 0.2, 32, Duration.ofSeconds(30));

    /** One row: a name, the snapshot, and the expected target and reason, or null for no swap. */
    record Case(String name, PolicySnapshot snapshot, String target, SwapReason reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // Battery bands.
                swap("low battery leaves full for tiny", on("full").battery(0.2), "tiny", SwapReason.BATTERY),
                swap("medium battery leaves full for pruned", on("full").battery(0.45), "pruned",
                        SwapReason.BATTERY),
                swap("recharged battery brings full back", on("tiny").band("low").previous("low").battery(0.9),
                        "full", SwapReason.BATTERY),
                swap("charging brings full back at low level", on("tiny").band("low").previous("low").battery(0.1)
                        .charging(), "full", SwapReason.CHARGING),
                keep("full stays at high battery", on("full").battery(0.8)),
                keep("tiny stays at low battery", on("tiny").band("low").previous("low").battery(0.1)),
                keep("no battery reading keeps full", on("full")),
                // Hysteresis on the band boundary at 0.3.
                keep("medium holds just below its floor", on("pruned").band("medium").previous("medium")
                        .battery(0.27)),
                swap("medium gives way past the hysteresis", on("pruned").band("medium").previous("medium")
                        .battery(0.24), "tiny", SwapReason.BATTERY),
                keep("low holds just above its ceiling", on("tiny").band("low").previous("low").battery(0.33)),
                swap("low gives way past the hysteresis", on("tiny").band("low").previous("low").battery(0.36),
                        "pruned", SwapReason.BATTERY),
                // Dwell time.
                keep("dwell blocks a battery swap", on("full").since(NOW.minusSeconds(10)).battery(0.1)),
                swap("dwell over allows it", on("full").since(NOW.minusSeconds(31)).battery(0.1), "tiny",
                        SwapReason.BATTERY),
                // Latency SLO of 50 ms.
                swap("latency over SLO steps down", on("full").band("high").battery(0.9).latency(80, 100), "pruned",
                        SwapReason.LATENCY_SLO),
                keep("latency over SLO with too few samples", on("full").band("high").battery(0.9).latency(80, 5)),
                keep("latency over SLO with nothing faster", on("tiny").band("low").previous("low").battery(0.1)
                        .latency(80, 100)),
                swap("queue backlog steps down", on("full").band("high").battery(0.9).queue(40), "pruned",
                        SwapReason.QUEUE_BACKLOG),
                keep("queue at the limit stays", on("full").band("high").battery(0.9).queue(32)),
                swap("latency headroom steps up", on("pruned").band("high").previous("high").battery(0.9)
                        .latency(15, 100), "full", SwapReason.LATENCY_HEADROOM),
                keep("no headroom within hysteresis", on("pruned").band("high").previous("high").battery(0.9)
                        .latency(22, 100)),
                keep("dwell blocks a step down", on("full").since(NOW.minusSeconds(5)).band("high").battery(0.9)
                        .latency(200, 100)),
                // Pins.
                swap("pin wins over battery", on("full").battery(0.05).pin("pruned"), "pruned", SwapReason.PINNED),
                swap("pin ignores dwell", on("full").since(NOW).pin("tiny"), "tiny", SwapReason.PINNED),
                keep("pinned variant already active", on("tiny").battery(0.95).latency(500, 100).pin("tiny")),
                keep("pinned variant in backoff waits", on("full").pin("tiny").only("full", "pruned")),
                // Catalog contents.
                swap("absent names fall back to preference", on("full").battery(0.1).only("full", "pruned"),
                        "pruned", SwapReason.BATTERY),
                keep("single variant never swaps", on("full").battery(0.1).latency(500, 100).only("full")),
                swap("no active variant gets the band's best", on(null).battery(0.9), "full", SwapReason.BATTERY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(Case row) {
        Optional<SwapDecision> decision = SwapPolicy.decide(SETTINGS, row.snapshot());

        assertEquals(Optional.ofNullable(row.target()), decision.map(SwapDecision::target), row.name());
        assertEquals(Optional.ofNullable(row.reason()), decision.map(SwapDecision::reason), row.name());
    }

    static Stream<Arguments> heldBands() {
        return Stream.of(
                Arguments.of("a swap records its band", on("full").band("high").battery(0.1), "low"),
                Arguments.of("a kept variant takes the new band", on("pruned").band("high").previous("high")
                        .battery(0.45), "medium"),
                Arguments.of("dwell keeps the recorded band", on("pruned").since(NOW.minusSeconds(5)).band("high")
                        .battery(0.45), "high"),
                Arguments.of("a pin keeps the recorded band", on("pruned").band("high").battery(0.45).pin("pruned"),
                        "high"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heldBands")
    void recordsHeldBand(String name, Builder snapshot, String expected) {
        PolicySnapshot row = snapshot.build();

        String heldBand = SwapPolicy.heldBand(SETTINGS, row, SwapPolicy.decide(SETTINGS, row));

        assertEquals(expected, heldBand, name);
    }

    @Test
    void bandReturnIsBatterySwap() {
        // pruned went into service for latency in the high band, then the battery fell to medium, where pruned is
        // the first choice, and then rose back to high.
        PolicySnapshot medium = on("pruned").band("high").previous("high").battery(0.45).build();
        String heldBand = SwapPolicy.heldBand(SETTINGS, medium, SwapPolicy.decide(SETTINGS, medium));
        PolicySnapshot high = on("pruned").band(heldBand).previous("medium").battery(0.9).build();

        Optional<SwapDecision> decision = SwapPolicy.decide(SETTINGS, high);

        assertEquals(Optional.of("full"), decision.map(SwapDecision::target));
        assertEquals(Optional.of(SwapReason.BATTERY), decision.map(SwapDecision::reason));
    }

    private static Arguments swap(String name, Builder snapshot, String target, SwapReason reason) {
        return Arguments.of(new Case(name, snapshot.build(), target, reason));
    }

    private static Arguments keep(String name, Builder snapshot) {
        return Arguments.of(new Case(name, snapshot.build(), null, null));
    }

    private static Builder on(String active) {
        return new Builder(active);
    }

    /** Builds snapshots; unset fields mean no battery reading, an empty latency window and an empty queue. */
    private static final class Builder {
        private final String active;
        private Instant since = LONG_AGO;
        private String activeBand;
        private String previousBand;
        private String pinned;
        private Double battery;
        private boolean charging;
        private Double latency;
        private long samples;
        private int queue;
        private List<VariantStats> candidates = ALL;

        Builder(String active) {
            this.active = active;
        }

        Builder since(Instant value) {
            since = value;
            return this;
        }

        Builder band(String value) {
            activeBand = value;
            return this;
        }

        Builder previous(String value) {
            previousBand = value;
            return this;
        }

        Builder battery(double level) {
            battery = level;
            return this;
        }

        Builder charging() {
            charging = true;
            return this;
        }

        Builder latency(double millis, long count) {
            latency = millis;
            samples = count;
            return this;
        }

        Builder queue(int depth) {
            queue = depth;
            return this;
        }

        Builder pin(String variant) {
            pinned = variant;
            return this;
        }

        Builder only(String... variants) {
            List<String> names = List.of(variants);
            candidates = ALL.stream().filter(v -> names.contains(v.variant())).toList();
            return this;
        }

        PolicySnapshot build() {
            return new PolicySnapshot(NOW, active, active == null ? null : since, activeBand, previousBand, pinned,
                    battery, charging, latency, samples, queue, candidates);
        }
    }
}
