package io.edgeinfer.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** The {@code edgeinfer} command and its subcommands. */
@TopCommand
@Command(name = "edgeinfer", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "MQTT inference service for small ARM boards, with a model compression toolkit.",
        subcommands = {ServeCommand.class, DemoCommand.class, BenchCommand.class, ModelsCommand.class,
                CompressCommand.class, ExtractNativeCommand.class})
public class EdgeinferCommand {
}
