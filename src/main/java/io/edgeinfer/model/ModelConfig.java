package io.edgeinfer.model;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

/** Settings of the models root and of the variant the service loads first ({@code edgeinfer.model.*}). */
@ConfigMapping(prefix = "edgeinfer.model")
public interface ModelConfig {

    /** The models root, laid out as {@code <model>/<variant>/}; relative paths start at the working folder. */
    @WithDefault("models")
    Path dir();

    /** The model the service serves; requests that name no model go to it. */
    @WithDefault("fashion-mnist")
    String name();

    /** The variant loaded at start. */
    @WithDefault("full")
    String variant();

    /** Whether the service loads {@link #variant()} when it starts; the toolkit commands turn this off. */
    @WithDefault("true")
    boolean loadOnStart();

    /** Whether each file is checked against the SHA-256 in its manifest before TensorFlow reads it. */
    @WithDefault("true")
    boolean verifyChecksums();

    /**
     * Inference runs on zeros after a load, before the variant takes requests. In the swap benchmark, 20 runs instead
     * of 3 brought the p99 during swaps from 1.42 to 1.23 times the steady p99, averaged over five and six runs.
     */
    @WithDefault("20")
    int warmupRuns();

    /**
     * The maximum bytes of variant files to hold in memory at once, or unset for no limit. When the active variant and
     * the target of a swap together exceed it, the swap closes the active variant before loading the target, and
     * requests wait in the queue meanwhile instead of failing.
     *
     * <p>NOTE: the file size is an estimate of a variant's memory. TensorFlow adds buffers of its own, so leave
     * room above the sum of the files.
     */
    OptionalLong memoryBudgetBytes();

    /** How long a request waits for a swap that closes the active variant first, before it gets an error. */
    @WithDefault("30s")
    Duration switchTimeout();

    /** Whether every variant of the served model is calibrated at start, before the first one goes into service. */
    @WithDefault("true")
    boolean calibrateOnStart();

    /** Untimed model calls before calibration timing starts. */
    @WithDefault("20")
    int calibrationWarmupRuns();

    /** Timed model calls, one example each, that make up a variant's calibrated latency. */
    @WithDefault("200")
    int calibrationRuns();
}
