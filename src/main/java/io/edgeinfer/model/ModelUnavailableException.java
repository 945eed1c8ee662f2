package io.edgeinfer.model;

/** The requested model is in the catalog, but no variant of it is serving now. */
public class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String message) {
        super(message);
    }
}
