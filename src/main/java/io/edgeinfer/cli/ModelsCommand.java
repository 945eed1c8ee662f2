package io.edgeinfer.cli;

import picocli.CommandLine.Command;

/** Commands about the model catalog on disk. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "Inspect the model catalog.",
        subcommands = {ModelsListCommand.class})
public class ModelsCommand {
}
