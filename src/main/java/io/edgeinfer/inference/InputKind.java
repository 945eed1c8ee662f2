package io.edgeinfer.inference;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a request carries; also the {@code kind} tag of the request metrics. */
public enum InputKind {
    /** Encoded image bytes: JPEG, PNG, BMP or GIF. */
    FRAME("frame"),
    /** A tensor as JSON {@code {"shape":[...],"data":[...]}} or raw little-endian float32. */
    TENSOR("tensor");

    private final String tag;

    InputKind(String tag) {
        this.tag = tag;
    }

    /** Returns the lowercase name used in metrics tags and JSON. */
    @JsonValue
    public String tag() {
        return tag;
    }
}
