package io.edgeinfer.model;

import java.nio.file.Path;

/** A folder under the models root that looks like a variant but cannot be used, and why. */
public record CatalogProblem(Path dir, String message) {
}
