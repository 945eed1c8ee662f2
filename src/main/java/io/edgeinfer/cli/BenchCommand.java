package io.edgeinfer.cli;

import picocli.CommandLine.Command;

/** Benchmarks that run the service in this process and measure it. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the service in this process; results are printed, never asserted.",
        subcommands = {BenchSwapCommand.class})
public class BenchCommand {
}
