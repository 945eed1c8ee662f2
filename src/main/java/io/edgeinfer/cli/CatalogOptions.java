package io.edgeinfer.cli;

import io.edgeinfer.model.ModelCatalog;
import io.edgeinfer.model.ModelConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of the commands that compare a model's variants with a baseline variant. */
public class CatalogOptions {

    @Option(names = "--models", paramLabel = "DIR", description = "Models root (default: edgeinfer.model.dir).")
    Path models;

    @Option(names = "--model", description = "Model name (default: ${DEFAULT-VALUE}).")
    String model = "fashion-mnist";

    @Option(names = "--baseline", description = "The variant the others are compared with (default: ${DEFAULT-VALUE}).")
    String baseline = "full";

    /** Scans {@code --models}, or the configured models root. */
    ModelCatalog scan(ModelConfig config) {
        return ModelCatalog.scan(models != null ? models : config.dir());
    }
}
