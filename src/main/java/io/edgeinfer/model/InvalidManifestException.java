package io.edgeinfer.model;

import java.nio.file.Path;

/** A {@code manifest.json} that is missing, unreadable, or lacks what the runtime needs. */
public class InvalidManifestException extends RuntimeException {

    private final Path file;

    public InvalidManifestException(Path file, String problem) {
        super("Manifest " + file + " " + problem);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
