package io.edgeinfer.cli;

import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.eval.NetworkRunner;
import io.edgeinfer.compression.export.VariantDraft;
import io.edgeinfer.compression.export.VariantReader;
import io.edgeinfer.compression.lowrank.LowRankFactorizer;
import io.edgeinfer.compression.lowrank.RankRule;
import io.edgeinfer.compression.train.Trainer;
import io.edgeinfer.compression.train.TrainingConfig;
import io.edgeinfer.compression.train.TrainingOptions;
import io.edgeinfer.model.ModelConfig;
import io.edgeinfer.model.ModelVariant;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Factorizes layers of a trained variant with a truncated SVD, retrains it, and exports it. */
@Command(name = "factorize", mixinStandardHelpOptions = true,
        description = "Replace dense and convolution layers of a trained variant by low-rank factors from a"
                + " truncated SVD (W ~ U * V; a k x k convolution becomes a k x k convolution to r channels and a"
                + " 1x1 convolution), retrain, and export models/<model>/<variant>.")
public class FactorizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ToolkitFlags toolkit;

    @Mixin
    ScheduleFlags schedule = ScheduleFlags.fineTuning();

    @Option(names = "--parent", paramLabel = "VARIANT",
            description = "The variant to factorize, made by the toolkit (default: ${DEFAULT-VALUE}).")
    String parent = "full";

    @Option(names = "--layers", split = ",", paramLabel = "LAYER",
            description = "Dense or convolution layers to factorize, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> layers = List.of("conv2", "fc1");

    @Option(names = "--energy", paramLabel = "FRACTION",
            description = "Pick each layer's rank as the smallest that keeps this share of the sum of squared"
                    + " singular values, from 0 to 1 (default: ${DEFAULT-VALUE}).")
    double energy = 0.8;

    @Option(names = "--rank", paramLabel = "LAYER=RANK",
            description = "A fixed rank for a layer, in place of --energy; repeat for several layers.")
    Map<String, Integer> ranks = new LinkedHashMap<>();

    @Option(names = "--variant", description = "Variant name (default: ${DEFAULT-VALUE}).")
    String variant = "factorized-svd";

    private final ModelConfig modelConfig;

    public FactorizeCommand(ModelConfig modelConfig) {
        this.modelConfig = modelConfig;
    }

    @Override
    public Integer call() throws Exception {
        Path modelsRoot = toolkit.modelsRoot(modelConfig);
        ModelVariant parentVariant = toolkit.findVariant(spec, modelsRoot, parent, "name another with --parent");
        Dataset training = toolkit.training();
        Dataset test = toolkit.test();
        PrintWriter out = spec.commandLine().getOut();

        LowRankFactorizer.Result factorized = factorize(VariantReader.read(parentVariant));
        print(factorized.layers(), out);
        VariantReader.TrainedNetwork network = factorized.network();
        double before;
        try (NetworkRunner runner = new NetworkRunner(network.spec(), network.weights())) {
            before = runner.accuracy(test);
        }
        out.printf("Test accuracy before retraining: %.2f%% (%s: %.2f%%)%n", before * 100, parentVariant.id(),
                parentVariant.manifest().measurements().accuracy() * 100);
        out.flush();

        TrainingConfig config = schedule.config();
        Trainer.Outcome outcome = Trainer.train(network.spec(), network.weights(), training, test, config,
                "factorize " + toolkit.model + "/" + variant, TrainingOptions.DEFAULT);

        VariantDraft draft = new VariantDraft(toolkit.model, variant, List.of("low-rank-factorization"), parent,
                network.spec(), training.classNames(), VariantOutput.grayscale(training),
                VariantOutput.provenance(spec, config.seed(), settings(config, factorized, before, training)));
        VariantOutput.export(spec, draft, outcome.weights(), modelsRoot, test, toolkit.latencyRuns);
        return 0;
    }

    /** Factorizes {@code network}, reporting a layer or rank that does not fit it as a usage error. */
    private LowRankFactorizer.Result factorize(VariantReader.TrainedNetwork network) {
        Map<String, RankRule> rules = rules();
        try {
            return LowRankFactorizer.factorize(network, rules);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private Map<String, RankRule> rules() {
        Map<String, RankRule> rules = new LinkedHashMap<>();
        for (String layer : layers) {
            rules.put(layer, new RankRule.Energy(energy));
        }
        for (Map.Entry<String, Integer> rank : ranks.entrySet()) {
            if (!rules.containsKey(rank.getKey())) {
                throw new ParameterException(spec.commandLine(), "--rank names layer " + rank.getKey()
                        + ", which is not in --layers " + layers);
            }
            rules.put(rank.getKey(), new RankRule.Fixed(rank.getValue()));
        }
        return rules;
    }

    private static Map<String, Object> settings(TrainingConfig config, LowRankFactorizer.Result factorized,
            double accuracyBeforeRetraining, Dataset training) {
        Map<String, Object> layers = new LinkedHashMap<>();
        for (LowRankFactorizer.LayerReport layer : factorized.layers()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("rule", layer.rule().toString());
            entry.put("rank", layer.rank());
            entry.put("energyRetained", layer.energyRetained());
            entry.put("relativeError", layer.relativeError());
            entry.put("parametersBefore", layer.parametersBefore());
            entry.put("parametersAfter", layer.parametersAfter());
            layers.put(layer.layer(), entry);
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("layers", layers);
        settings.put("accuracyBeforeRetraining", accuracyBeforeRetraining);
        settings.put("retraining", config.asSettings());
        settings.put("trainingExamples", training.size());
        return settings;
    }

    private static void print(List<LowRankFactorizer.LayerReport> layers, PrintWriter out) {
        out.printf("%-8s %-12s %-13s %6s %8s %10s %12s %12s%n", "layer", "rule", "matrix", "rank", "energy",
                "rel. error", "parameters", "factorized");
        for (LowRankFactorizer.LayerReport layer : layers) {
            out.printf("%-8s %-12s %-13s %6d %8.4f %10.4f %,12d %,12d%n", layer.layer(), layer.rule(),
                    layer.rows() + " x " + layer.columns(), layer.rank(), layer.energyRetained(),
                    layer.relativeError(), layer.parametersBefore(), layer.parametersAfter());
        }
    }
}
