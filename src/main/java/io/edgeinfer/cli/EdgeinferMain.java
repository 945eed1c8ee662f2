package io.edgeinfer.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

@QuarkusMain
public class EdgeinferMain implements QuarkusApplication {

    @Inject
    CommandLine commandLine;

    public static void main(String... args) {
        boolean service = args.length > 0 && (args[0].equals("serve") || args[0].equals("demo"));
        if (!service) {
            String profile = System.getProperty("quarkus.profile", "prod");
            System.setProperty("quarkus.profile", profile + ",tool");
        }
        Quarkus.run(EdgeinferMain.class, args);
    }

    @Override
    public int run(String... args) {
        return commandLine.execute(args);
    }
}
