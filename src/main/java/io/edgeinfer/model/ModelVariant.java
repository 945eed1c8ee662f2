package io.edgeinfer.model;

import java.nio.file.Path;

/** A variant found on disk: its manifest and the folder that holds the SavedModel. */
public record ModelVariant(ModelManifest manifest, Path dir) {

    public VariantId id() {
        return manifest.id();
    }
}
