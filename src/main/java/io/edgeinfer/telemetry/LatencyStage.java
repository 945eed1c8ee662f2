package io.edgeinfer.telemetry;

/** The span of a request that a latency window measures. */
public enum LatencyStage {
    /** From the moment the service queues a request to its result: queue wait, decoding, model call, top-k. */
    END_TO_END("end_to_end"),
    /** The model call alone. */
    INFERENCE("inference");

    private final String tag;

    LatencyStage(String tag) {
        this.tag = tag;
    }

    /** Returns the lowercase name used in metric tags and JSON. */
    public String tag() {
        return tag;
    }
}
