package io.edgeinfer.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The swap policy: latency SLO, battery bands, hysteresis, dwell time and retries ({@code edgeinfer.policy.*}).
 * The default bands live in application.properties, because a map of groups has no annotation default.
 */
@ConfigMapping(prefix = "edgeinfer.policy")
public interface PolicyConfig {

    /** Whether the policy swaps variants on its own; pins through REST and MQTT work either way. */
    @WithDefault("true")
    boolean enabled();

    /** How often the policy reads telemetry and decides. */
    @WithDefault("1s")
    Duration evaluationInterval();

    /** The shortest time a variant serves before the policy replaces it; pins ignore it. */
    @WithDefault("10s")
    Duration minDwell();

    /** How far the battery level, as a fraction of full charge, must pass a band boundary to change the band. */
    @WithDefault("0.03")
    double batteryHysteresis();

    /** The latency objective. */
    Slo slo();

    /** Waiting requests above which the policy swaps to a faster variant. */
    @WithDefault("64")
    int maxQueueDepth();

    /** The battery bands by name. */
    Map<String, Band> bands();

    /** The band that applies while charging, whatever the level; unset means the level alone decides. */
    Optional<String> chargingBand();

    /** The first wait before a failed load of a variant is retried; each further failure doubles it. */
    @WithDefault("5s")
    Duration retryInitialBackoff();

    /** The maximum wait between retries of a failed load. */
    @WithDefault("5m")
    Duration retryMaxBackoff();

    /** How often the models folder is scanned for added, removed or changed variants. */
    @WithDefault("30s")
    Duration catalogScanInterval();

    /** The latency objective: a percentile of the end-to-end latency window and its threshold. */
    interface Slo {

        /** The percentile, from 0 to 100, of the rolling end-to-end latency window. */
        @WithDefault("99")
        double percentile();

        /** The highest acceptable latency at that percentile. */
        @WithDefault("100ms")
        Duration threshold();

        /** Requests the window must hold before latency drives a swap. */
        @WithDefault("50")
        int minSamples();

        /**
         * The fraction below the threshold that a higher-ranked variant's predicted latency must reach before it
         * comes back, for example 0.2 for 80% of the threshold.
         */
        @WithDefault("0.2")
        double hysteresis();
    }

    /** One battery band. */
    interface Band {

        /** The lowest battery level, as a fraction from 0 to 1, at which the band applies. */
        @WithName("min-level")
        double minLevel();

        /** The variants the band allows, best first; absent names are skipped with a warning. */
        Optional<List<String>> variants();

        /** How to rank the catalog when none of {@link #variants()} is present. */
        @WithDefault("accuracy")
        RankingPreference prefer();
    }

    /** Returns the settings as the pure policy reads them. */
    default PolicySettings toSettings() {
        List<BatteryBand> list = bands().entrySet().stream()
                .map(e -> new BatteryBand(e.getKey(), e.getValue().minLevel(), e.getValue().variants().orElse(List.of()),
                        e.getValue().prefer()))
                .toList();
        return new PolicySettings(list, chargingBand(), batteryHysteresis(), slo().threshold().toNanos() / 1e6,
                slo().minSamples(), slo().hysteresis(), maxQueueDepth(), minDwell());
    }
}
