package io.edgeinfer.cli;

import io.edgeinfer.compression.arch.Initializer;
import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.export.VariantDraft;
import io.edgeinfer.compression.train.Trainer;
import io.edgeinfer.compression.train.TrainingConfig;
import io.edgeinfer.compression.train.TrainingOptions;
import io.edgeinfer.model.ModelManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** Trains a network from He-initialized weights and exports it, the steps that several compress commands share. */
final class ScratchTraining {

    /**
     * The network to train, the loss, and the manifest entries that describe the result.
     *
     * @param techniques the manifest's techniques
     * @param parent the variant it learns from, or null
     * @param settings technique settings for the manifest, beside the schedule's
     * @param options the loss and step hook
     */
    record Recipe(String variant, List<String> techniques, String parent, NetworkSpec network,
            Map<String, Object> settings, TrainingOptions options) {
    }

    private ScratchTraining() {
    }

    /** Trains on {@code training}, reports test accuracy after each epoch, then exports and measures the variant. */
    static ModelManifest run(CommandSpec spec, ToolkitFlags toolkit, ScheduleFlags schedule, Path modelsRoot,
            Dataset training, Dataset test, Recipe recipe) throws IOException {
        TrainingConfig config = schedule.config();
        NetworkSpec network = recipe.network();

        Trainer.Outcome outcome = Trainer.train(network, Initializer.heNormal(network, config.seed()), training, test,
                config, spec.name() + " " + toolkit.model + "/" + recipe.variant(), recipe.options());

        Map<String, Object> settings = new LinkedHashMap<>(config.asSettings());
        settings.putAll(recipe.settings());
        settings.put("trainingExamples", training.size());
        VariantDraft draft = new VariantDraft(toolkit.model, recipe.variant(), recipe.techniques(), recipe.parent(),
                network, training.classNames(), VariantOutput.grayscale(training),
                VariantOutput.provenance(spec, config.seed(), settings));
        return VariantOutput.export(spec, draft, outcome.weights(), modelsRoot, test, toolkit.latencyRuns);
    }
}
