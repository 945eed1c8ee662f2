package io.edgeinfer.cli;

import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** The command line of the running command as a user types it, for a variant's manifest. */
final class TypedCommand {

    private TypedCommand() {
    }

    /**
     * Returns, for example, {@code bin/edgeinfer compress prune --method magnitude}. It is the same whether the
     * command was typed or run by another command, such as {@code compress pipeline}, with its own arguments only.
     */
    static String of(CommandSpec spec) {
        List<String> path = Arrays.asList(spec.qualifiedName(" ").split(" "));
        List<String> commandPath = path.subList(1, path.size());
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        List<String> own = args.size() >= commandPath.size() && args.subList(0, commandPath.size()).equals(commandPath)
                ? args.subList(commandPath.size(), args.size())
                : args;
        return ("bin/" + String.join(" ", path) + " " + String.join(" ", own)).strip();
    }
}
