package io.edgeinfer.policy;

import java.util.List;

/** A pin named a variant that the catalog does not have for the served model. */
public class UnknownVariantException extends RuntimeException {

    public UnknownVariantException(String variant, String model, List<String> known) {
        super("Variant \"" + variant + "\" is not in the catalog for model " + model + "; pin one of " + known);
    }
}
