package io.edgeinfer.policy;

import com.fasterxml.jackson.annotation.JsonValue;

/** The reason the policy chose a variant, as tagged on {@code edgeinfer.swaps} and shown on the status topic. */
public enum SwapReason {
    /** An operator pinned the variant through REST or the control topic. */
    PINNED("pinned"),
    /** The battery band in force excludes the active variant, or ranks another allowed one higher. */
    BATTERY("battery"),
    /** External power is connected, so the charging band applies. */
    CHARGING("charging"),
    /** The rolling latency percentile is above the SLO, so a faster variant takes over. */
    LATENCY_SLO("latency_slo"),
    /** More requests wait in the queue than the configured limit, so a faster variant takes over. */
    QUEUE_BACKLOG("queue_backlog"),
    /** Latency has room below the SLO, so a higher-ranked variant of the same band comes back. */
    LATENCY_HEADROOM("latency_headroom");

    private final String tag;

    SwapReason(String tag) {
        this.tag = tag;
    }

    /** Returns the lowercase name used in metric tags and JSON. */
    @JsonValue
    public String tag() {
        return tag;
    }
}
