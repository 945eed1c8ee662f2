package io.edgeinfer.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Set;
import picocli.CommandLine;

/**
 * The entry point of {@code bin/edgeinfer}.
 *
 * <p>Only {@code serve}, {@code demo} and {@code bench} run the service. Every other command, and any command asked
 * for its help or version, runs with the {@code tool} profile added. That profile keeps HTTP, MQTT and model loading
 * off, so that a toolkit command can run beside a live service on the same board without fighting over its ports.
 */
@QuarkusMain
public class EdgeinferMain implements QuarkusApplication {

    private static final Set<String> SERVICE_COMMANDS = Set.of("serve", "demo", "bench");
    private static final Set<String> INFO_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    @Inject
    CommandLine commandLine;

    public static void main(String... args) {
        if (!runsService(args)) {
            String profile = System.getProperty("quarkus.profile", "prod");
            System.setProperty("quarkus.profile", profile + ",tool");
        }
        Quarkus.run(EdgeinferMain.class, args);
    }

    /** Returns whether the command starts the service; asking a service command for its help or version does not. */
    static boolean runsService(String... args) {
        if (args.length == 0 || !SERVICE_COMMANDS.contains(args[0])) {
            return false;
        }
        return Arrays.stream(args).noneMatch(INFO_OPTIONS::contains);
    }

    @Override
    public int run(String... args) {
        return commandLine.execute(args);
    }
}
