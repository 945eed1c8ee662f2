package io.edgeinfer.model;

/** A variant that could not be loaded or warmed up; the variant in service, if any, stays in service. */
public class ModelLoadException extends RuntimeException {

    private final VariantId variant;

    public ModelLoadException(VariantId variant, String message, Throwable cause) {
        super(message, cause);
        this.variant = variant;
    }

    public VariantId variant() {
        return variant;
    }
}
