package io.edgeinfer.cli;

import io.edgeinfer.compression.arch.Architectures;
import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.train.TrainingOptions;
import io.edgeinfer.model.ModelConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains the baseline CNN on Fashion-MNIST and exports it as a variant. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the baseline CNN on Fashion-MNIST and export it as models/<model>/<variant>.")
public class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ToolkitFlags toolkit;

    @Mixin
    ScheduleFlags schedule;

    @Option(names = "--variant", description = "Variant name (default: ${DEFAULT-VALUE}).")
    String variant = "full";

    private final ModelConfig modelConfig;

    public TrainCommand(ModelConfig modelConfig) {
        this.modelConfig = modelConfig;
    }

    @Override
    public Integer call() throws Exception {
        Dataset training = toolkit.training();
        NetworkSpec network = Architectures.baseline(training.height(), training.width(), 1,
                training.classNames().size());
        ScratchTraining.run(spec, toolkit, schedule, toolkit.modelsRoot(modelConfig), training, toolkit.test(),
                new ScratchTraining.Recipe(variant, List.of("baseline"), null, network, Map.of(), TrainingOptions.DEFAULT));
        return 0;
    }
}
