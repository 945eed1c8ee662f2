package io.edgeinfer.cli;

import picocli.CommandLine.Command;

@Command(name = "models")
public class ModelsCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("models here");
    }
}
