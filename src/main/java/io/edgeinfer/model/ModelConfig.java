package io.edgeinfer.model;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

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

    /** Inference runs on zeros after a load, before the variant takes requests. */
    @WithDefault("3")
    int warmupRuns();
}
