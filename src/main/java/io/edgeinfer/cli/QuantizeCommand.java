package io.edgeinfer.cli;

import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.arch.WeightedLayers;
import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.data.FashionMnist;
import io.edgeinfer.compression.export.VariantDraft;
import io.edgeinfer.compression.export.VariantExporter;
import io.edgeinfer.compression.export.VariantReader;
import io.edgeinfer.compression.quant.Int8ComputePlanner;
import io.edgeinfer.compression.quant.LayerPlan;
import io.edgeinfer.compression.quant.Precision;
import io.edgeinfer.compression.quant.QuantizedModelWriter;
import io.edgeinfer.model.ModelConfig;
import io.edgeinfer.model.ModelManifest;
import io.edgeinfer.model.ModelVariant;
import io.edgeinfer.model.Provenance;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Quantizes a trained variant after training and exports the result as a new variant. */
@Command(name = "quantize", mixinStandardHelpOptions = true,
        description = {"Quantize a trained variant, without retraining.",
            "fp16: float16 weights, cast to float32 in the graph. Half the file size.",
            "int8-weights: int8 kernels with one scale per output channel, dequantized in the graph. A quarter of"
                    + " the variable size.",
            "int8-compute: Conv2D layers run through TensorFlow's quantized kernels, with input ranges calibrated on"
                    + " training images; each layer stays float32 unless int8 measures faster on this machine."})
public class QuantizeCommand implements Callable<Integer> {

    /** The quantization mode, named as on the command line. */
    enum Mode {
        fp16(Precision.FLOAT16), int8_weights(Precision.INT8_WEIGHTS), int8_compute(Precision.INT8_COMPUTE);

        final Precision precision;

        Mode(Precision precision) {
            this.precision = precision;
        }

        String label() {
            return name().replace('_', '-');
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    ParentOptions parentOptions;

    @Option(names = "--mode", required = true, converter = ModeConverter.class,
            description = "fp16, int8-weights or int8-compute.")
    Mode mode;

    @Option(names = "--variant", description = "Name of the new variant (default: the mode).")
    String variant;

    @Option(names = "--calibration-images", description = "int8-compute: training images, sampled with --seed, whose"
            + " activations set the input ranges (default: ${DEFAULT-VALUE}).")
    int calibrationImages = 1000;

    @Option(names = "--percentile", description = "int8-compute: the percentile of each layer's input values that"
            + " becomes its range maximum; 100 is plain min/max (default: ${DEFAULT-VALUE}).")
    double percentile = 99.99;

    @Option(names = "--timing-runs", description = "int8-compute: timed calls of each layer in each precision and"
            + " batch size (default: ${DEFAULT-VALUE}).")
    int timingRuns = 500;

    @Option(names = "--decide-batch", description = "int8-compute: the batch size, 1 or 32, whose layer timings"
            + " choose the precision (default: ${DEFAULT-VALUE}, as the runtime serves one image per request).")
    int decideBatch = 1;

    @Option(names = "--min-speedup", description = "int8-compute: how many times faster int8 must run than float32"
            + " to be chosen (default: ${DEFAULT-VALUE}).")
    double minSpeedup = 1.05;

    private final ModelConfig modelConfig;

    public QuantizeCommand(ModelConfig modelConfig) {
        this.modelConfig = modelConfig;
    }

    @Override
    public Integer call() throws Exception {
        if (decideBatch != 1 && decideBatch != 32) {
            throw new IllegalArgumentException("--decide-batch must be 1 or 32, the batch sizes layers are timed at;"
                    + " got " + decideBatch);
        }
        ModelVariant parent = parentOptions.parentVariant(modelConfig);
        VariantReader.TrainedNetwork network = VariantReader.read(parent);
        Dataset test = FashionMnist.test(parentOptions.data);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("mode", mode.label());

        Map<String, LayerPlan> plans = mode == Mode.int8_compute
                ? planInt8Compute(network, settings)
                : uniformPlans(network.spec(), mode.precision, settings);

        String name = variant != null ? variant : mode.label();
        ModelManifest from = parent.manifest();
        VariantDraft draft = new VariantDraft(from.model(), name, ParentOptions.techniques(parent,
                "quantize-" + mode.label()), from.variant(), network.spec(), from.labels(), from.preprocessing(),
                new Provenance(TypedCommand.of(spec), parentOptions.seed, Instant.now().toString(),
                        settings), QuantizationNotes.forMode(mode.precision, plans));
        ModelManifest manifest = VariantExporter.export(draft,
                dir -> QuantizedModelWriter.write(network.spec(), network.weights(), plans, dir),
                parentOptions.modelsRoot(modelConfig), test, parentOptions.latencyRuns);

        spec.commandLine().getOut().printf("Exported %s: test accuracy %.2f%% on %d images, %,d bytes (%,d gzipped)%n",
                manifest.id(), manifest.measurements().accuracy() * 100, test.size(),
                manifest.measurements().fileBytes(), manifest.measurements().compressedBytes());
        return 0;
    }

    private Map<String, LayerPlan> planInt8Compute(VariantReader.TrainedNetwork network,
            Map<String, Object> settings) throws Exception {
        Dataset calibration = CalibrationSample.draw(FashionMnist.train(parentOptions.data), calibrationImages,
                parentOptions.seed);
        Int8ComputePlanner.Options options = new Int8ComputePlanner.Options(percentile, timingRuns, decideBatch,
                minSpeedup);
        List<Int8ComputePlanner.Decision> decisions = Int8ComputePlanner.plan(network.spec(), network.weights(),
                calibration, options);

        settings.put("calibration", Map.of("images", calibration.size(), "source", "fashion-mnist train, sampled"
                + " with the seed", "percentile", percentile));
        settings.put("choice", Map.of("decideBatch", decideBatch, "minSpeedup", minSpeedup, "timingRuns", timingRuns));
        settings.put("inputQuantization", "quint8 over [calibrated min, calibrated max], QuantizeV2 MIN_FIRST");
        settings.put("kernelQuantization", "qint8, symmetric, one scale per tensor");
        settings.put("layers", decisions);
        return Int8ComputePlanner.plans(decisions);
    }

    private static Map<String, LayerPlan> uniformPlans(NetworkSpec network, Precision precision,
            Map<String, Object> settings) {
        Map<String, LayerPlan> plans = new LinkedHashMap<>();
        network.layers().stream().map(WeightedLayers::nameOf).filter(Objects::nonNull)
                .forEach(layer -> plans.put(layer, LayerPlan.of(precision)));
        settings.put("layers", plans.keySet());
        if (precision == Precision.INT8_WEIGHTS) {
            settings.put("kernelQuantization", "int8, symmetric, one float32 scale per output channel, levels -127"
                    + " to 127");
            settings.put("biases", "float32");
        } else {
            settings.put("kernelQuantization", "float16 for kernels and biases");
        }
        return plans;
    }

    /** Accepts the mode names with hyphens, as documented. */
    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<Mode> {

        @Override
        public Mode convert(String value) {
            for (Mode mode : Mode.values()) {
                if (mode.label().equals(value)) {
                    return mode;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("Unknown mode '" + value
                    + "'; use fp16, int8-weights or int8-compute");
        }
    }
}
