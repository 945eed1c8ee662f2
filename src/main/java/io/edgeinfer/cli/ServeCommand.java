package io.edgeinfer.cli;

import io.quarkus.runtime.Quarkus;
import picocli.CommandLine.Command;

/**
 * Runs the service until it is stopped (Ctrl-C or SIGTERM). The broker, model and channels are already up when
 * this runs, because Quarkus starts them before it hands over to the command.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the inference service: MQTT channels, REST API, health and metrics.")
public class ServeCommand implements Runnable {

    @Override
    public void run() {
        Quarkus.waitForExit();
    }
}
