package io.edgeinfer.cli;

import io.edgeinfer.compression.arch.Architectures;
import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.arch.SeparableComparison;
import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.export.BatchNormFolding;
import io.edgeinfer.compression.train.TrainingOptions;
import io.edgeinfer.model.ModelConfig;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains the MobileNet-style network on the labels alone and compares it with standard convolutions. */
@Command(name = "mobilenet", mixinStandardHelpOptions = true,
        description = "Train a MobileNet-style CNN of depthwise separable convolutions on the labels, print its"
                + " parameters and MACs against standard convolutions of the same shape, and export it as"
                + " models/<model>/<variant> with batch norm folded into the weights.")
public class MobilenetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ToolkitFlags toolkit;

    @Mixin
    ScheduleFlags schedule;

    @Option(names = "--width", paramLabel = "MULTIPLIER",
            description = "Width multiplier: scales the channels of every layer (default: ${DEFAULT-VALUE}).")
    double width = 0.5;

    @Option(names = "--variant", description = "Variant name (default: mobilenet-w<width in hundredths>, such as"
            + " mobilenet-w050).")
    String variant;

    @Option(names = "--costs-only", description = "Print the comparison with standard convolutions and exit"
            + " without training.")
    boolean costsOnly;

    private final ModelConfig modelConfig;

    public MobilenetCommand(ModelConfig modelConfig) {
        this.modelConfig = modelConfig;
    }

    @Override
    public Integer call() throws Exception {
        Dataset training = toolkit.training();
        NetworkSpec network = Architectures.mobilenet(training.height(), training.width(), 1,
                training.classNames().size(), width);
        SeparableComparison.Comparison comparison = SeparableComparison.of(BatchNormFolding.foldedSpec(network));
        print(comparison, spec.commandLine().getOut());
        if (costsOnly) {
            return 0;
        }

        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("widthMultiplier", width);
        settings.put("standardConvolutionParameters", comparison.standardParameters());
        settings.put("standardConvolutionMacs", comparison.standardMacs());
        String name = variant != null ? variant : defaultVariant(width);
        ScratchTraining.run(spec, toolkit, schedule, toolkit.modelsRoot(modelConfig), training, toolkit.test(),
                new ScratchTraining.Recipe(name, List.of("mobilenet"), null, network, settings,
                        TrainingOptions.DEFAULT));
        return 0;
    }

    /** Returns {@code mobilenet-w050} for a width of 0.5. */
    static String defaultVariant(double width) {
        return String.format(Locale.ROOT, "mobilenet-w%03d", Math.round(width * 100));
    }

    /** Prints one row per separable block and the totals, with batch norm folded as it is exported. */
    static void print(SeparableComparison.Comparison comparison, PrintWriter out) {
        out.println("Depthwise separable blocks against standard 3x3 convolutions of the same shape"
                + " (batch norm folded):");
        out.printf("%-10s %-10s %12s %12s %12s %12s %7s%n", "block", "output", "params", "params std",
                "MACs", "MACs std", "MACs %");
        for (SeparableComparison.Block block : comparison.blocks()) {
            out.printf("%-10s %-10s %,12d %,12d %,12d %,12d %6.1f%%%n", block.block(),
                    block.outputShape().get(0) + "x" + block.outputShape().get(1) + "x" + block.outputShape().get(2),
                    block.separableParameters(), block.standardParameters(), block.separableMacs(),
                    block.standardMacs(), 100.0 * block.separableMacs() / block.standardMacs());
        }
        out.printf("%-10s %-10s %,12d %,12d %,12d %,12d %6.1f%%%n", "network", "", comparison.parameters(),
                comparison.standardParameters(), comparison.macs(), comparison.standardMacs(),
                100.0 * comparison.macs() / comparison.standardMacs());
        out.flush();
    }
}
