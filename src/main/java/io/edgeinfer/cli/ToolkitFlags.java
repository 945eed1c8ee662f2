package io.edgeinfer.cli;

import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.data.FashionMnist;
import io.edgeinfer.model.ModelCatalog;
import io.edgeinfer.model.ModelConfig;
import io.edgeinfer.model.ModelVariant;
import io.edgeinfer.model.VariantId;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The data and models folders, the training-set limit and the latency runs that all compress commands take. */
public class ToolkitFlags {

    @Option(names = "--data", paramLabel = "DIR", description = "Fashion-MNIST IDX files (default: ${DEFAULT-VALUE}).")
    Path data = FashionMnist.DEFAULT_DIR;

    @Option(names = "--models", paramLabel = "DIR",
            description = "Models root to read from and write into (default: edgeinfer.model.dir, which"
                    + " bin/edgeinfer sets to the project's models folder).")
    Path models;

    @Option(names = "--model", description = "Model name (default: ${DEFAULT-VALUE}).")
    String model = "fashion-mnist";

    @Option(names = "--train-limit", paramLabel = "N",
            description = "Train on the first N training images only, for quick trials (default: all).")
    int trainLimit = Integer.MAX_VALUE;

    @Option(names = "--latency-runs", description = "Timed calls per batch size when measuring the exported"
            + " variant; 0 skips timing (default: ${DEFAULT-VALUE}).")
    int latencyRuns = 1000;

    /** Returns {@code --models}, or the configured models root when it is not given. */
    Path modelsRoot(ModelConfig config) {
        return models != null ? models : config.dir();
    }

    /**
     * Returns variant {@code name} of {@code --model} from the models root.
     *
     * @param hint what the user can do instead, appended to the error
     * @throws ParameterException if the catalog has no such variant
     */
    ModelVariant findVariant(CommandSpec spec, Path modelsRoot, String name, String hint) {
        return ModelCatalog.scan(modelsRoot).find(new VariantId(model, name)).orElseThrow(() ->
                new ParameterException(spec.commandLine(), "Variant " + model + "/" + name + " not found in "
                        + modelsRoot + "; " + hint));
    }

    /** Reads the training images, cut to {@code --train-limit}. */
    Dataset training() throws IOException {
        return FashionMnist.train(data).head(trainLimit);
    }

    /** Reads all 10,000 test images, on which every variant is measured. */
    Dataset test() throws IOException {
        return FashionMnist.test(data);
    }
}
