package io.edgeinfer.cli;

import io.edgeinfer.compression.arch.LayerSpec;
import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.export.VariantReader;
import io.edgeinfer.model.Measurements;
import io.edgeinfer.model.ModelCatalog;
import io.edgeinfer.model.ModelConfig;
import io.edgeinfer.model.ModelVariant;
import io.edgeinfer.model.VariantId;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Chains the techniques into the smallest variant: distill a MobileNet-style student, prune it by magnitude,
 * then store its weights as int8.
 *
 * <p>Each step runs the same {@code compress} subcommand a user would, with the arguments it prints, so every
 * intermediate variant lands in the models folder with its own manifest and its parent named.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"Make the smallest variant: distill a MobileNet-style student from a teacher, prune it by"
                + " magnitude and retrain it, then quantize its weights to int8.",
            "Writes <variant>-distilled (unless --student names an existing student), <variant>-pruned and"
                    + " <variant>, and prints how they compare with --baseline."})
public class PipelineCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(PipelineCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--variant", description = "Name of the final variant (default: ${DEFAULT-VALUE}).")
    String variant = "smallest";

    @Option(names = "--student", paramLabel = "VARIANT", description = "Start from this distilled student instead"
            + " of distilling a new one (default: distill one).")
    String student;

    @Option(names = "--teacher", paramLabel = "VARIANT", description = "Teacher of the distillation step"
            + " (default: ${DEFAULT-VALUE}).")
    String teacher = "teacher-bn";

    @Option(names = "--width", paramLabel = "MULTIPLIER", description = "Width multiplier of the student"
            + " (default: ${DEFAULT-VALUE}).")
    double width = 0.5;

    @Option(names = "--distill-epochs", description = "Epochs of the distillation step (default: ${DEFAULT-VALUE}).")
    int distillEpochs = 30;

    @Option(names = "--sparsity", description = "Fraction of each pointwise and dense kernel set to zero. The first"
            + " convolution and the depthwise kernels, a few hundred weights each, stay whole"
            + " (default: ${DEFAULT-VALUE}).")
    double sparsity = 0.3;

    @Option(names = "--prune-epochs", description = "Retraining epochs of the pruning step"
            + " (default: ${DEFAULT-VALUE}).")
    int pruneEpochs = 4;

    @Option(names = "--prune-learning-rate", description = "Adam learning rate at the first retraining step"
            + " (default: ${DEFAULT-VALUE}).")
    float pruneLearningRate = 1e-4f;

    @Option(names = "--train-limit", paramLabel = "N", description = "Distill and retrain on the first N training"
            + " images only, for quick trials (default: all).")
    Integer trainLimit;

    @Option(names = "--baseline", paramLabel = "VARIANT", description = "The variant the result is compared with"
            + " (default: ${DEFAULT-VALUE}).")
    String baseline = "full";

    @Option(names = "--seed", description = "Seed of every step (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--models", paramLabel = "DIR", description = "Models root to read from and write into"
            + " (default: edgeinfer.model.dir, which bin/edgeinfer sets to the project's models folder).")
    Path models;

    @Option(names = "--model", description = "Model name (default: ${DEFAULT-VALUE}).")
    String model = "fashion-mnist";

    @Option(names = "--data", paramLabel = "DIR", description = "Fashion-MNIST IDX files (default: the Debian"
            + " package's folder).")
    Path data;

    @Option(names = "--latency-runs", description = "Timed calls per batch size when each step measures its"
            + " variant; 0 skips timing (default: ${DEFAULT-VALUE}).")
    int latencyRuns = 1000;

    private final ModelConfig modelConfig;

    public PipelineCommand(ModelConfig modelConfig) {
        this.modelConfig = modelConfig;
    }

    @Override
    public Integer call() {
        String distilled = student != null ? student : variant + "-distilled";
        if (student == null) {
            runStep("distill", withTrainLimit(common(List.of("--teacher", teacher, "--width",
                    Double.toString(width), "--epochs", Integer.toString(distillEpochs), "--variant", distilled))));
        }

        String pruned = variant + "-pruned";
        List<String> pruneArgs = new ArrayList<>(List.of("--method", "magnitude", "--parent", distilled,
                "--sparsity", Double.toString(sparsity), "--epochs", Integer.toString(pruneEpochs),
                "--learning-rate", Float.toString(pruneLearningRate), "--variant", pruned));
        for (String layer : wholeLayers(distilled)) {
            pruneArgs.addAll(List.of("--layer-sparsity", layer + "=0"));
        }
        runStep("prune", withTrainLimit(common(pruneArgs)));

        runStep("quantize", common(List.of("--mode", "int8-weights", "--parent", pruned, "--variant", variant)));

        printComparison(distilled, pruned);
        return 0;
    }

    /** Returns the first convolution and the depthwise layers of the student, which pruning leaves whole. */
    private List<String> wholeLayers(String distilled) {
        NetworkSpec network = VariantReader.read(find(distilled)).spec();
        List<String> whole = new ArrayList<>();
        boolean first = true;
        for (LayerSpec layer : network.layers()) {
            if (layer instanceof LayerSpec.DepthwiseConv2D depthwise) {
                whole.add(depthwise.name());
            } else if (layer instanceof LayerSpec.Conv2D conv && first) {
                whole.add(conv.name());
                first = false;
            }
        }
        return whole;
    }

    private List<String> common(List<String> stepArgs) {
        List<String> args = new ArrayList<>(stepArgs);
        args.addAll(List.of("--seed", Long.toString(seed), "--model", model, "--latency-runs",
                Integer.toString(latencyRuns)));
        if (models != null) {
            args.addAll(List.of("--models", models.toString()));
        }
        if (data != null) {
            args.addAll(List.of("--data", data.toString()));
        }
        return args;
    }

    private List<String> withTrainLimit(List<String> args) {
        List<String> limited = new ArrayList<>(args);
        if (trainLimit != null) {
            limited.addAll(List.of("--train-limit", trainLimit.toString()));
        }
        return limited;
    }

    /** Runs one {@code compress} subcommand and stops the pipeline if it fails. */
    private void runStep(String command, List<String> args) {
        CommandLine step = spec.parent().subcommands().get(command);
        LOG.infof("Pipeline step: bin/edgeinfer compress %s %s", command, String.join(" ", args));
        int exitCode = step.execute(args.toArray(String[]::new));
        if (exitCode != 0) {
            throw new IllegalStateException("Pipeline step 'compress " + command + "' failed with exit code "
                    + exitCode + "; the variants of the earlier steps are kept");
        }
    }

    private void printComparison(String distilled, String pruned) {
        Measurements base = find(baseline).manifest().measurements();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-34s %10s %12s %12s %14s%n", "VARIANT", "ACCURACY", "FILES", "GZIP", "FILES SMALLER");
        for (String name : List.of(baseline, distilled, pruned, variant)) {
            Measurements measured = find(name).manifest().measurements();
            out.printf("%-34s %9.2f%% %,12d %,12d %13.1fx%n", model + "/" + name, measured.accuracy() * 100,
                    measured.fileBytes(), measured.compressedBytes(),
                    (double) base.fileBytes() / measured.fileBytes());
        }
        Measurements result = find(variant).manifest().measurements();
        out.printf("%s against %s: files %.1fx smaller, %.2f points of accuracy lost%n", variant, baseline,
                (double) base.fileBytes() / result.fileBytes(), (base.accuracy() - result.accuracy()) * 100);
        out.flush();
    }

    private ModelVariant find(String name) {
        Path root = models != null ? models : modelConfig.dir();
        ModelCatalog catalog = ModelCatalog.scan(root);
        return catalog.find(new VariantId(model, name)).orElseThrow(() -> new IllegalArgumentException("Variant "
                + model + "/" + name + " not found under " + root.toAbsolutePath() + "; variants there: "
                + catalog.variants().stream().map(v -> v.id().toString()).toList()));
    }
}
