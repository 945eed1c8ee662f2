package io.edgeinfer.cli;

import io.quarkus.runtime.Quarkus;
import picocli.CommandLine.Command;

@Command(name = "serve")
public class ServeCommand implements Runnable {
    @Override
    public void run() {
        Quarkus.waitForExit();
    }
}
