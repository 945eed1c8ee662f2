package io.edgeinfer.inference;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.OptionalInt;

/** Input limits, result size and request concurrency ({@code edgeinfer.inference.*}). */
@ConfigMapping(prefix = "edgeinfer.inference")
public interface InferenceConfig {

    /**
     * The largest payload accepted, in bytes. Larger ones get {@link ErrorCode#PAYLOAD_TOO_LARGE}. Keep it below
     * the MQTT maximum message size, so that an oversized frame reaches the service and gets an error reply
     * instead of being dropped by the broker or the client.
     */
    @WithDefault("4194304")
    int maxPayloadBytes();

    /** The most pixels (width times height) an image may declare; larger ones are rejected before decoding. */
    @WithDefault("40000000")
    long maxImagePixels();

    /** Classes returned when a request does not say. */
    @WithDefault("5")
    int topK();

    /** Threads that run requests; unset means one per available processor. */
    OptionalInt workers();

    /** Requests that may wait for a worker; beyond this the service replies {@link ErrorCode#OVERLOADED}. */
    @WithDefault("256")
    int queueCapacity();
}
