package io.edgeinfer.cli;

import io.edgeinfer.compression.data.FashionMnist;
import io.edgeinfer.model.ModelCatalog;
import io.edgeinfer.model.ModelConfig;
import io.edgeinfer.model.ModelVariant;
import io.edgeinfer.model.VariantId;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options shared by the commands that derive a variant from an existing one. */
public class ParentOptions {

    @Option(names = "--data", paramLabel = "DIR", description = "Fashion-MNIST IDX files (default: ${DEFAULT-VALUE}).")
    Path data = FashionMnist.DEFAULT_DIR;

    @Option(names = "--models", paramLabel = "DIR",
            description = "Models root to read the parent from and write into (default: edgeinfer.model.dir, which"
                    + " bin/edgeinfer sets to the project's models folder).")
    Path models;

    @Option(names = "--model", description = "Model name (default: ${DEFAULT-VALUE}).")
    String model = "fashion-mnist";

    @Option(names = "--parent", description = "The variant to start from (default: ${DEFAULT-VALUE}).")
    String parent = "full";

    @Option(names = "--seed", description = "Seed for shuffling, augmentation, dropout and sampling"
            + " (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--latency-runs", description = "Timed calls per batch size when measuring the new variant;"
            + " 0 skips timing (default: ${DEFAULT-VALUE}).")
    int latencyRuns = 1000;

    /** Returns the models root: {@code --models}, or the configured one. */
    Path modelsRoot(ModelConfig config) {
        return models != null ? models : config.dir();
    }

    /**
     * Finds the parent variant.
     *
     * @throws IllegalArgumentException naming the variants that exist, when it is not found
     */
    ModelVariant parentVariant(ModelConfig config) {
        ModelCatalog catalog = ModelCatalog.scan(modelsRoot(config));
        return catalog.find(new VariantId(model, parent)).orElseThrow(() -> new IllegalArgumentException(
                "Parent variant " + model + "/" + parent + " not found under " + catalog.root().toAbsolutePath()
                        + "; variants there: " + catalog.variants().stream().map(v -> v.id().toString()).toList()));
    }

    /** Returns the parent's techniques followed by {@code technique}, leaving out {@code baseline}. */
    static List<String> techniques(ModelVariant parent, String technique) {
        List<String> inherited = parent.manifest().techniques() == null ? List.of()
                : parent.manifest().techniques().stream().filter(t -> !t.equals("baseline")).toList();
        return Stream.concat(inherited.stream(), Stream.of(technique)).toList();
    }
}
