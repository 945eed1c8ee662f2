package io.edgeinfer.model;

/** A model name and a variant name, for example {@code fashion-mnist/full}. */
public record VariantId(String model, String variant) {

    @Override
    public String toString() {
        return model + "/" + variant;
    }
}
