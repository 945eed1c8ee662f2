package io.edgeinfer.model;

import java.util.List;

/** A request named a model that is not in the catalog. */
public class UnknownModelException extends RuntimeException {

    private final String model;

    public UnknownModelException(String model, List<String> known) {
        super("Unknown model \"" + model + "\"; this service has " + known
                + ". Name one of them, or leave the model out to use the default.");
        this.model = model;
    }

    public String model() {
        return model;
    }
}
