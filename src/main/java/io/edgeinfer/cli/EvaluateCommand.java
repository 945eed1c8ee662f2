package io.edgeinfer.cli;

import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.data.FashionMnist;
import io.edgeinfer.compression.eval.VariantEvaluation;
import io.edgeinfer.model.LatencyMeasurement;
import io.edgeinfer.model.ModelCatalog;
import io.edgeinfer.model.ModelConfig;
import io.edgeinfer.model.ModelVariant;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures variants side by side and records the figures in their manifests. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Measure variants in one run: accuracy on the 10,000 test images, and latency at batch 1 and"
                + " 32 with the variants timed interleaved, so that their ratios are fair on a busy machine.",
            "Writes the new figures into each manifest unless --no-write is given."})
public class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Fashion-MNIST IDX files (default: ${DEFAULT-VALUE}).")
    Path data = FashionMnist.DEFAULT_DIR;

    @Mixin
    CatalogOptions catalogOptions;

    @Option(names = "--variants", split = ",", description = "Variants to measure besides the baseline (default: all"
            + " of the model).")
    List<String> variants;

    @Option(names = "--runs", description = "Timed calls per variant and batch size (default: ${DEFAULT-VALUE}).")
    int runs = 1000;

    @Option(names = "--rounds", description = "Slices the timed calls are interleaved in (default: ${DEFAULT-VALUE}).")
    int rounds = 20;

    @Option(names = "--no-write", negatable = true, description = "Record the figures in each manifest"
            + " (default: on).")
    boolean write = true;

    private final ModelConfig modelConfig;

    public EvaluateCommand(ModelConfig modelConfig) {
        this.modelConfig = modelConfig;
    }

    @Override
    public Integer call() throws Exception {
        ModelCatalog catalog = catalogOptions.scan(modelConfig);
        List<ModelVariant> chosen = choose(catalog);
        Dataset test = FashionMnist.test(data);

        List<VariantEvaluation.Result> results = VariantEvaluation.run(chosen, test, runs, rounds);
        if (write) {
            for (VariantEvaluation.Result result : results) {
                VariantEvaluation.record(result);
            }
        }
        print(spec.commandLine().getOut(), results);
        return 0;
    }

    /** Returns the baseline first, then the chosen variants in catalog order. */
    private List<ModelVariant> choose(ModelCatalog catalog) {
        String model = catalogOptions.model;
        String baseline = catalogOptions.baseline;
        List<ModelVariant> all = catalog.variantsOf(model);
        List<ModelVariant> chosen = new ArrayList<>();
        all.stream().filter(v -> v.id().variant().equals(baseline)).findFirst().ifPresentOrElse(chosen::add, () -> {
            throw new IllegalArgumentException("Baseline " + model + "/" + baseline + " not found under "
                    + catalog.root().toAbsolutePath());
        });
        for (ModelVariant variant : all) {
            String name = variant.id().variant();
            if (!name.equals(baseline) && (variants == null || variants.contains(name))) {
                chosen.add(variant);
            }
        }
        List<String> names = all.stream().map(v -> v.id().variant()).toList();
        List<String> missing = variants == null ? List.of()
                : variants.stream().filter(name -> !names.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Variants " + missing + " not found for model " + model + "; it has "
                    + names);
        }
        return chosen;
    }

    private static void print(PrintWriter out, List<VariantEvaluation.Result> results) {
        VariantEvaluation.Result base = results.get(0);
        String format = "%-22s %9s %8s %12s %8s %13s %8s%n";
        out.printf(format, "VARIANT", "ACCURACY", "CHANGE", "BATCH 1", "SPEEDUP", "BATCH 32", "SPEEDUP");
        for (VariantEvaluation.Result result : results) {
            double batch1 = median(result, 1);
            double batch32 = median(result, 32);
            out.printf(format, result.variant().id().variant(), String.format("%.2f%%", result.accuracy() * 100),
                    String.format("%+.2f", (result.accuracy() - base.accuracy()) * 100),
                    String.format("%.3f ms", batch1), String.format("%.2fx", median(base, 1) / batch1),
                    String.format("%.3f ms", batch32), String.format("%.2fx", median(base, 32) / batch32));
        }
        out.println("Accuracy on " + base.testExamples() + " images of " + base.dataset() + "; latency is the median"
                + " of " + base.latency().get(0).runs() + " calls on " + base.latency().get(0).machine() + ".");
        out.flush();
    }

    private static double median(VariantEvaluation.Result result, int batchSize) {
        return result.latency().stream().filter(m -> m.batchSize() == batchSize)
                .mapToDouble(LatencyMeasurement::medianMillis).findFirst().orElse(Double.NaN);
    }
}
