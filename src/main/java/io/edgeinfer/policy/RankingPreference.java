package io.edgeinfer.policy;

/** The order in which a battery band ranks the variants it does not name, by their measured facts. */
public enum RankingPreference {
    /** Highest test accuracy first; variants without an accuracy go last. */
    ACCURACY,
    /** Lowest calibrated latency first; variants not yet calibrated go last. */
    LATENCY
}
