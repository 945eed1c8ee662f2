package io.edgeinfer.cli;

import picocli.CommandLine.Command;

/** The compression toolkit: commands that train variants and write them to the models folder. */
@Command(name = "compress", mixinStandardHelpOptions = true,
        description = "Train models and produce compressed variants under the models folder.",
        subcommands = {TrainCommand.class, PruneCommand.class, QuantizeCommand.class, TeacherCommand.class,
            MobilenetCommand.class, DistillCommand.class, FactorizeCommand.class, PipelineCommand.class,
            EvaluateCommand.class,
            ReportCommand.class})
public class CompressCommand {
}
