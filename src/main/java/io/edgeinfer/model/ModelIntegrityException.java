package io.edgeinfer.model;

/** A variant whose files do not match the checksums in its manifest; the runtime refuses to load it. */
public class ModelIntegrityException extends RuntimeException {

    public ModelIntegrityException(VariantId id, String file, String problem) {
        super("Variant " + id + " failed its integrity check: file " + file + " " + problem
                + ". Copy the variant folder again, or re-export it with the toolkit.");
    }
}
