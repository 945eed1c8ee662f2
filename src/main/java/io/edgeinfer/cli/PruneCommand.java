package io.edgeinfer.cli;

import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.data.FashionMnist;
import io.edgeinfer.compression.export.VariantDraft;
import io.edgeinfer.compression.export.VariantExporter;
import io.edgeinfer.compression.export.VariantReader;
import io.edgeinfer.compression.prune.FilterPruning;
import io.edgeinfer.compression.prune.MagnitudePruning;
import io.edgeinfer.compression.train.TrainingConfig;
import io.edgeinfer.model.ModelConfig;
import io.edgeinfer.model.ModelManifest;
import io.edgeinfer.model.ModelVariant;
import io.edgeinfer.model.Provenance;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prunes a trained variant, retrains it, and exports the result as a new variant. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"Prune a trained variant and retrain it.",
            "magnitude: zero the smallest weights of each kernel up to --sparsity, raised gradually on a polynomial"
                    + " schedule while retraining. Smaller when compressed, not faster.",
            "filters: remove the convolution filters and dense neurons of smallest L1 norm, then retrain the"
                    + " smaller network. Smaller and faster."})
public class PruneCommand implements Callable<Integer> {

    /** The pruning technique. */
    enum Method { magnitude, filters }

    @Spec
    CommandSpec spec;

    @Mixin
    ParentOptions parentOptions;

    @Mixin
    RetrainOptions retrainOptions;

    @Option(names = "--method", required = true, description = "magnitude or filters.")
    Method method;

    @Option(names = "--variant", description = "Name of the new variant (default: pruned-<percent of all weights"
            + " set to zero> for magnitude, pruned-filters for filters).")
    String variant;

    @Option(names = "--sparsity", description = "magnitude: fraction of each kernel set to zero"
            + " (default: ${DEFAULT-VALUE}).")
    double sparsity = 0.8;

    @Option(names = "--layer-sparsity", paramLabel = "LAYER=FRACTION", description = "magnitude: a sparsity for one"
            + " layer's kernel instead of --sparsity; 0 leaves the layer unpruned. Repeatable.")
    Map<String, Double> layerSparsity = new LinkedHashMap<>();

    @Option(names = "--initial-sparsity", description = "magnitude: sparsity at the first mask update"
            + " (default: ${DEFAULT-VALUE}).")
    double initialSparsity = 0.0;

    @Option(names = "--end-fraction", description = "magnitude: the fraction of the retraining steps after which"
            + " the final sparsity holds (default: ${DEFAULT-VALUE}).")
    double endFraction = 0.6;

    @Option(names = "--frequency", description = "magnitude: steps between mask updates (default: ${DEFAULT-VALUE}).")
    long frequencySteps = 100;

    @Option(names = "--remove-fraction", description = "filters: fraction of the filters or units removed from each"
            + " layer except the output layer (default: ${DEFAULT-VALUE}).")
    double removeFraction = 0.5;

    @Option(names = "--layer-remove", paramLabel = "LAYER=FRACTION", description = "filters: a fraction for one"
            + " layer instead of --remove-fraction; 0 leaves the layer whole. Repeatable.")
    Map<String, Double> layerRemove = new LinkedHashMap<>();

    private final ModelConfig modelConfig;

    public PruneCommand(ModelConfig modelConfig) {
        this.modelConfig = modelConfig;
    }

    @Override
    public Integer call() throws Exception {
        ModelVariant parent = parentOptions.parentVariant(modelConfig);
        VariantReader.TrainedNetwork network = VariantReader.read(parent);
        Dataset training = FashionMnist.train(parentOptions.data).head(retrainOptions.trainLimit);
        Dataset test = FashionMnist.test(parentOptions.data);
        TrainingConfig config = retrainOptions.config(parentOptions.seed);
        Map<String, Object> settings = new LinkedHashMap<>(config.asSettings());
        settings.put("trainingExamples", training.size());

        ModelManifest manifest = method == Method.magnitude
                ? pruneMagnitude(parent, network, training, test, config, settings)
                : pruneFilters(parent, network, training, test, config, settings);

        spec.commandLine().getOut().printf("Exported %s: test accuracy %.2f%% on %d images, %,d parameters,"
                        + " %,d MACs, %,d bytes (%,d gzipped)%n", manifest.id(),
                manifest.measurements().accuracy() * 100, test.size(), manifest.measurements().parameters(),
                manifest.measurements().macs(), manifest.measurements().fileBytes(),
                manifest.measurements().compressedBytes());
        return 0;
    }

    private ModelManifest pruneMagnitude(ModelVariant parent, VariantReader.TrainedNetwork network, Dataset training,
            Dataset test, TrainingConfig config, Map<String, Object> settings) throws Exception {
        Map<String, Double> kernels = PruneTargets.kernelSparsity(network.spec(), sparsity, layerSparsity);
        String name = variant != null ? variant : "pruned-"
                + (int) Math.floor(PruneTargets.overallSparsity(network.spec(), kernels) * 100);
        MagnitudePruning.Settings schedule = new MagnitudePruning.Settings(initialSparsity, 0, endFraction,
                frequencySteps);
        MagnitudePruning.Outcome outcome = MagnitudePruning.run(network.spec(), network.weights(), kernels, schedule,
                training, test, config, "prune " + parentOptions.model + "/" + name);

        settings.put("targetSparsity", kernels);
        settings.put("schedule", Map.of("type", "polynomial decay", "power", 3, "initialSparsity", initialSparsity,
                "beginFraction", 0, "endFraction", endFraction, "frequencySteps", frequencySteps));
        settings.put("kernelSparsity", outcome.kernelSparsity());
        settings.put("overallSparsity", outcome.overallSparsity());
        List<String> notes = List.of(String.format("%.1f%% of all weights are zero. TensorFlow still multiplies"
                + " every zero, so this variant is no faster than its parent; only its compressed size is smaller.",
                outcome.overallSparsity() * 100));
        VariantDraft draft = draft(parent, name, "prune-magnitude", network.spec(), settings, notes);
        return VariantExporter.export(draft, outcome.weights(), parentOptions.modelsRoot(modelConfig), test,
                parentOptions.latencyRuns);
    }

    private ModelManifest pruneFilters(ModelVariant parent, VariantReader.TrainedNetwork network, Dataset training,
            Dataset test, TrainingConfig config, Map<String, Object> settings) throws Exception {
        String name = variant != null ? variant : "pruned-filters";
        Map<String, Integer> keepCounts = PruneTargets.keepCounts(network.spec(), removeFraction, layerRemove);
        FilterPruning.Outcome outcome = FilterPruning.run(network.spec(), network.weights(), keepCounts, training,
                test, config, "prune " + parentOptions.model + "/" + name);

        settings.put("criterion", "L1 norm of each filter or neuron");
        settings.put("keptChannels", keepCounts);
        settings.put("macsBefore", network.spec().macs());
        settings.put("parametersBefore", network.spec().parameters());
        VariantDraft draft = draft(parent, name, "prune-filters", outcome.spec(), settings, null);
        return VariantExporter.export(draft, outcome.weights(), parentOptions.modelsRoot(modelConfig), test,
                parentOptions.latencyRuns);
    }

    private VariantDraft draft(ModelVariant parent, String name, String technique, NetworkSpec network,
            Map<String, Object> settings, List<String> notes) {
        ModelManifest from = parent.manifest();
        return new VariantDraft(from.model(), name, ParentOptions.techniques(parent, technique), from.variant(),
                network, from.labels(), from.preprocessing(), new Provenance(TypedCommand.of(spec),
                        parentOptions.seed, Instant.now().toString(), settings), notes);
    }
}
