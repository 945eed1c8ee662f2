package io.edgeinfer.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

@TopCommand
@Command(name = "edgeinfer", mixinStandardHelpOptions = true, subcommands = {ServeCommand.class, ModelsCommand.class})
public class EdgeinferCommand {
}
