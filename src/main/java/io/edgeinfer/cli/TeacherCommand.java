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

/** Trains the batch-norm teacher CNN that {@code compress distill} learns from. */
@Command(name = "teacher", mixinStandardHelpOptions = true,
        description = "Train the teacher for distillation, a four-convolution CNN with batch norm, and export it as"
                + " models/<model>/<variant> with batch norm folded into the weights.")
public class TeacherCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ToolkitFlags toolkit;

    @Mixin
    ScheduleFlags schedule;

    @Option(names = "--variant", description = "Variant name (default: ${DEFAULT-VALUE}).")
    String variant = "teacher-bn";

    private final ModelConfig modelConfig;

    public TeacherCommand(ModelConfig modelConfig) {
        this.modelConfig = modelConfig;
    }

    @Override
    public Integer call() throws Exception {
        Dataset training = toolkit.training();
        NetworkSpec network = Architectures.teacher(training.height(), training.width(), 1,
                training.classNames().size());
        ScratchTraining.run(spec, toolkit, schedule, toolkit.modelsRoot(modelConfig), training, toolkit.test(),
                new ScratchTraining.Recipe(variant, List.of("teacher"), null, network, Map.of(), TrainingOptions.DEFAULT));
        return 0;
    }
}
