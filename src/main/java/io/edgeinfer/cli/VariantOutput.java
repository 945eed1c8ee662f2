package io.edgeinfer.cli;

import io.edgeinfer.compression.arch.WeightSet;
import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.export.VariantDraft;
import io.edgeinfer.compression.export.VariantExporter;
import io.edgeinfer.model.ModelManifest;
import io.edgeinfer.model.Preprocessing;
import io.edgeinfer.model.Provenance;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** Export steps that the compress commands share: provenance, pre-processing, and the closing report line. */
final class VariantOutput {

    private VariantOutput() {
    }

    /** Returns the pre-processing of Fashion-MNIST: grayscale at the data set's size, values in [0, 1]. */
    static Preprocessing grayscale(Dataset data) {
        return new Preprocessing(Preprocessing.ColorMode.GRAYSCALE, data.width(), data.height(),
                Preprocessing.ResizeMode.STRETCH, 0f, List.of(0f), List.of(1f));
    }

    /** Returns the provenance of a variant made now by the command being run. */
    static Provenance provenance(CommandSpec spec, long seed, Map<String, Object> settings) {
        return new Provenance(TypedCommand.of(spec), seed, Instant.now().toString(), settings);
    }

    /** Exports, measures and installs the variant, then prints where it went and its test accuracy. */
    static ModelManifest export(CommandSpec spec, VariantDraft draft, WeightSet weights, Path modelsRoot,
            Dataset test, int latencyRuns) throws IOException {
        ModelManifest manifest = VariantExporter.export(draft, weights, modelsRoot, test, latencyRuns);
        spec.commandLine().getOut().printf("Exported %s to %s: test accuracy %.2f%% on %d images, %,d parameters,"
                + " %,d MACs%n", manifest.id(), modelsRoot.resolve(draft.model()).resolve(draft.variant()),
                manifest.measurements().accuracy() * 100, test.size(), manifest.measurements().parameters(),
                manifest.measurements().macs());
        return manifest;
    }
}
