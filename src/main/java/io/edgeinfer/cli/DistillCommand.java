package io.edgeinfer.cli;

import io.edgeinfer.compression.arch.Architectures;
import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.distill.DistillationObjective;
import io.edgeinfer.compression.distill.TeacherTargets;
import io.edgeinfer.compression.export.VariantReader;
import io.edgeinfer.compression.train.TrainingOptions;
import io.edgeinfer.model.ModelConfig;
import io.edgeinfer.model.ModelVariant;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains the MobileNet-style student from a teacher variant's soft targets and the labels. */
@Command(name = "distill", mixinStandardHelpOptions = true,
        description = "Train the MobileNet-style student with knowledge distillation from a teacher variant:"
                + " loss = alpha * T^2 * KL(teacher_T || student_T) + (1 - alpha) * cross-entropy(labels)."
                + " The teacher's logits for every training image and its mirror image are computed once"
                + " before training. Exports models/<model>/<variant>.")
public class DistillCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ToolkitFlags toolkit;

    @Mixin
    ScheduleFlags schedule;

    @Option(names = "--teacher", paramLabel = "VARIANT",
            description = "The teacher, a variant of --model made by the toolkit (default: ${DEFAULT-VALUE}).")
    String teacher = "teacher-bn";

    @Option(names = "--width", paramLabel = "MULTIPLIER",
            description = "Width multiplier of the student (default: ${DEFAULT-VALUE}).")
    double width = 0.5;

    @Option(names = "--temperature", paramLabel = "T",
            description = "Softmax temperature of the soft targets, above 0 (default: ${DEFAULT-VALUE}).")
    float temperature = 4f;

    @Option(names = "--alpha", description = "Weight of the soft-target term, from 0 to 1; the labels get"
            + " 1 - alpha (default: ${DEFAULT-VALUE}).")
    float alpha = 0.9f;

    @Option(names = "--variant", description = "Variant name (default: ${DEFAULT-VALUE}).")
    String variant = "student-distilled";

    private final ModelConfig modelConfig;

    public DistillCommand(ModelConfig modelConfig) {
        this.modelConfig = modelConfig;
    }

    @Override
    public Integer call() throws Exception {
        Path modelsRoot = toolkit.modelsRoot(modelConfig);
        ModelVariant teacherVariant = toolkit.findVariant(spec, modelsRoot, teacher,
                "train a teacher with 'compress teacher' or name another with --teacher");
        Dataset training = toolkit.training();
        TeacherTargets targets = TeacherTargets.compute(VariantReader.read(teacherVariant), training);
        spec.commandLine().getOut().printf("Teacher %s scores %.2f%% on the %d training images%n",
                teacherVariant.id(), targets.accuracy(training.labels()) * 100, training.size());

        NetworkSpec network = Architectures.mobilenet(training.height(), training.width(), 1,
                training.classNames().size(), width);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("widthMultiplier", width);
        settings.put("teacher", teacherVariant.id().toString());
        settings.put("temperature", temperature);
        settings.put("alpha", alpha);
        settings.put("teacherLogits", "cached for each training image and its mirror image");
        ScratchTraining.run(spec, toolkit, schedule, modelsRoot, training, toolkit.test(),
                new ScratchTraining.Recipe(variant, List.of("mobilenet", "distillation"), teacher, network, settings,
                        TrainingOptions.DEFAULT.withObjective(new DistillationObjective(targets, temperature,
                                alpha))));
        return 0;
    }
}
