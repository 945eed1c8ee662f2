package io.edgeinfer.cli;

import io.edgeinfer.compression.arch.Architectures;
import io.edgeinfer.compression.arch.Initializer;
import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.data.FashionMnist;
import io.edgeinfer.compression.export.VariantDraft;
import io.edgeinfer.compression.export.VariantExporter;
import io.edgeinfer.compression.train.Trainer;
import io.edgeinfer.compression.train.TrainingConfig;
import io.edgeinfer.model.ModelConfig;
import io.edgeinfer.model.ModelManifest;
import io.edgeinfer.model.Preprocessing;
import io.edgeinfer.model.Provenance;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Trains the baseline CNN on Fashion-MNIST and exports it as a variant. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the baseline CNN on Fashion-MNIST and export it as models/<model>/<variant>.")
public class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Fashion-MNIST IDX files (default: ${DEFAULT-VALUE}).")
    Path data = FashionMnist.DEFAULT_DIR;

    @Option(names = "--models", paramLabel = "DIR",
            description = "Models root to write into (default: edgeinfer.model.dir, which bin/edgeinfer sets to the"
                    + " project's models folder).")
    Path models;

    @Option(names = "--model", description = "Model name (default: ${DEFAULT-VALUE}).")
    String model = "fashion-mnist";

    @Option(names = "--variant", description = "Variant name (default: ${DEFAULT-VALUE}).")
    String variant = "full";

    @Option(names = "--epochs", description = "Passes over the 60,000 training images (default: ${DEFAULT-VALUE}).")
    int epochs = 15;

    @Option(names = "--batch-size", description = "Images per step (default: ${DEFAULT-VALUE}).")
    int batchSize = 64;

    @Option(names = "--learning-rate", description = "Adam learning rate at the first step (default: ${DEFAULT-VALUE}).")
    float learningRate = 1e-3f;

    @Option(names = "--final-learning-rate",
            description = "Learning rate at the last step, reached on a cosine schedule (default: ${DEFAULT-VALUE}).")
    float finalLearningRate = 1e-5f;

    @Option(names = "--seed", description = "Seed for initialization, shuffling, augmentation and dropout"
            + " (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--no-flip", negatable = true, description = "Mirror half the training images left-right"
            + " (default: on).")
    boolean flip = true;

    @Option(names = "--train-limit", paramLabel = "N",
            description = "Train on the first N training images only, for quick trials (default: all).")
    int trainLimit = Integer.MAX_VALUE;

    @Option(names = "--latency-runs", description = "Timed calls per batch size when measuring the exported"
            + " variant; 0 skips timing (default: ${DEFAULT-VALUE}).")
    int latencyRuns = 1000;

    private final ModelConfig modelConfig;

    public TrainCommand(ModelConfig modelConfig) {
        this.modelConfig = modelConfig;
    }

    @Override
    public Integer call() throws Exception {
        Path modelsRoot = models != null ? models : modelConfig.dir();
        Dataset training = FashionMnist.train(data).head(trainLimit);
        Dataset test = FashionMnist.test(data);
        NetworkSpec network = Architectures.baseline(training.height(), training.width(), 1,
                training.classNames().size());
        TrainingConfig config = new TrainingConfig(epochs, batchSize, learningRate, finalLearningRate, seed, flip);

        Trainer.Outcome outcome = Trainer.train(network, Initializer.heNormal(network, seed), training, test, config,
                "train " + model + "/" + variant);

        Map<String, Object> settings = new java.util.LinkedHashMap<>(config.asSettings());
        settings.put("trainingExamples", training.size());
        VariantDraft draft = new VariantDraft(model, variant, List.of("baseline"), null, network,
                training.classNames(), grayscalePreprocessing(training), new Provenance(commandLine(), seed,
                        Instant.now().toString(), settings));
        ModelManifest manifest = VariantExporter.export(draft, outcome.weights(), modelsRoot, test, latencyRuns);

        spec.commandLine().getOut().printf("Exported %s to %s: test accuracy %.2f%% on %d images%n", manifest.id(),
                modelsRoot.resolve(model).resolve(variant), manifest.measurements().accuracy() * 100, test.size());
        return 0;
    }

    private static Preprocessing grayscalePreprocessing(Dataset data) {
        return new Preprocessing(Preprocessing.ColorMode.GRAYSCALE, data.width(), data.height(),
                Preprocessing.ResizeMode.STRETCH, 0f, List.of(0f), List.of(1f));
    }

    /** Returns the command line as typed after {@code bin/edgeinfer}, for the manifest. */
    private String commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        return String.join(" ", List.of("bin/edgeinfer", "compress", "train", String.join(" ", args.subList(2,
                args.size())))).strip();
    }
}
