package io.edgeinfer.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The variants under a models root at the moment it was scanned, laid out as
 * {@code <root>/<model>/<variant>/manifest.json}.
 *
 * <p>Immutable. A folder whose manifest is invalid, or whose names differ from its manifest's, is left out and
 * listed in {@link #problems()}, so one bad folder never hides the others.
 */
public final class ModelCatalog {

    private final Path root;
    private final List<ModelVariant> variants;
    private final List<CatalogProblem> problems;

    private ModelCatalog(Path root, List<ModelVariant> variants, List<CatalogProblem> problems) {
        this.root = root;
        this.variants = List.copyOf(variants);
        this.problems = List.copyOf(problems);
    }

    /**
     * Scans a models root. A missing root gives an empty catalog with one problem, so that the service can
     * start and report it.
     */
    public static ModelCatalog scan(Path root) {
        List<ModelVariant> found = new ArrayList<>();
        List<CatalogProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            problems.add(new CatalogProblem(root, "Models folder " + root.toAbsolutePath()
                    + " does not exist; set edgeinfer.model.dir to the folder that holds <model>/<variant>/"));
            return new ModelCatalog(root, found, problems);
        }
        for (Path variantDir : variantFolders(root)) {
            readVariant(variantDir, found, problems);
        }
        found.sort(Comparator.comparing((ModelVariant v) -> v.id().model()).thenComparing(v -> v.id().variant()));
        return new ModelCatalog(root, found, problems);
    }

    private static List<Path> variantFolders(Path root) {
        try (Stream<Path> models = Files.list(root)) {
            List<Path> folders = new ArrayList<>();
            for (Path modelDir : models.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> variants = Files.list(modelDir)) {
                    variants.filter(dir -> Files.isRegularFile(dir.resolve(ModelManifest.FILE_NAME)))
                            .sorted()
                            .forEach(folders::add);
                }
            }
            return folders;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list models folder " + root, e);
        }
    }

    private static void readVariant(Path variantDir, List<ModelVariant> found, List<CatalogProblem> problems) {
        ModelManifest manifest;
        try {
            manifest = ManifestIo.read(variantDir);
        } catch (InvalidManifestException e) {
            problems.add(new CatalogProblem(variantDir, e.getMessage()));
            return;
        }
        String expectedModel = variantDir.getParent().getFileName().toString();
        String expectedVariant = variantDir.getFileName().toString();
        if (!manifest.model().equals(expectedModel) || !manifest.variant().equals(expectedVariant)) {
            problems.add(new CatalogProblem(variantDir, "Manifest names " + manifest.id()
                    + " but sits in folder " + expectedModel + "/" + expectedVariant
                    + "; rename the folder or fix the manifest"));
            return;
        }
        found.add(new ModelVariant(manifest, variantDir));
    }

    public Path root() {
        return root;
    }

    /** Returns every usable variant, sorted by model and variant name. */
    public List<ModelVariant> variants() {
        return variants;
    }

    public List<CatalogProblem> problems() {
        return problems;
    }

    public Optional<ModelVariant> find(VariantId id) {
        return variants.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    public List<ModelVariant> variantsOf(String model) {
        return variants.stream().filter(v -> v.id().model().equals(model)).toList();
    }

    public boolean hasModel(String model) {
        return variants.stream().anyMatch(v -> v.id().model().equals(model));
    }

    /** Returns the model names in this catalog, sorted. */
    public List<String> modelNames() {
        return variants.stream().map(v -> v.id().model()).distinct().toList();
    }
}
