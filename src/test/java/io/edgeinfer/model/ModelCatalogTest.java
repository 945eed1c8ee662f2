package io.edgeinfer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCatalogTest {

    @TempDir
    Path root;

    @Test
    void committedCatalogHasFullVariant() {
        ModelCatalog catalog = ModelCatalog.scan(Path.of("models"));

        assertTrue(catalog.find(new VariantId("fashion-mnist", "full")).isPresent());
        assertTrue(catalog.problems().isEmpty(), catalog.problems().toString());
    }

    @Test
    void committedManifestMatchesFiles() {
        ModelVariant full = ModelCatalog.scan(Path.of("models")).find(new VariantId("fashion-mnist", "full"))
                .orElseThrow();

        Checksums.verify(full.dir(), full.manifest());
        assertTrue(full.manifest().measurements().accuracy() >= 0.915,
                "accuracy " + full.manifest().measurements().accuracy());
    }

    @Test
    void invalidJsonIsSkippedWithProblem() throws IOException {
        VariantFolders.copyFull(root, "good");
        Path bad = Files.createDirectories(root.resolve("fashion-mnist/bad"));
        Files.writeString(bad.resolve(ModelManifest.FILE_NAME), "{ not json");

        ModelCatalog catalog = ModelCatalog.scan(root);

        assertEquals(1, catalog.variants().size());
        assertEquals(1, catalog.problems().size());
        assertTrue(catalog.problems().get(0).message().contains("not a valid manifest"));
    }

    @Test
    void folderNameMismatchIsSkipped() throws IOException {
        Path copy = VariantFolders.copyFull(root, "renamed");
        Files.move(copy, root.resolve("fashion-mnist/elsewhere"));

        ModelCatalog catalog = ModelCatalog.scan(root);

        assertTrue(catalog.variants().isEmpty());
        assertTrue(catalog.problems().get(0).message().contains("rename the folder"));
    }

    @Test
    void missingRootIsProblem() {
        ModelCatalog catalog = ModelCatalog.scan(root.resolve("absent"));

        assertTrue(catalog.variants().isEmpty());
        assertTrue(catalog.problems().get(0).message().contains("edgeinfer.model.dir"));
    }

    @Test
    void wrongFormatVersionIsSkipped() throws IOException {
        Path copy = VariantFolders.copyFull(root, "future");
        Path manifest = copy.resolve(ModelManifest.FILE_NAME);
        Files.writeString(manifest, Files.readString(manifest).replace("\"formatVersion\" : 1",
                "\"formatVersion\" : 99"));

        ModelCatalog catalog = ModelCatalog.scan(root);

        assertTrue(catalog.problems().get(0).message().contains("formatVersion 99"));
    }
}
