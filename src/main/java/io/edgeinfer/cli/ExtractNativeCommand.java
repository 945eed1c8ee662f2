package io.edgeinfer.cli;

import io.edgeinfer.model.NativeLibraries;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Extracts TensorFlow's native libraries into a fixed folder at install time, so that the service loads them
 * from there, read-only, instead of extracting about 650 MB into a cache on its first start.
 */
@Command(name = "extract-native", mixinStandardHelpOptions = true,
        description = "Extract TensorFlow's native libraries for this machine into DIR and check that they load."
                + " bin/edgeinfer then loads them from DIR when EDGEINFER_NATIVE_DIR names it, or when DIR is the"
                + " native folder of an installed edgeinfer.")
public class ExtractNativeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Folder to write the libraries into. It is created when missing.")
    Path dir;

    @Option(names = "--no-check", description = "Skip loading the extracted libraries, for example when DIR is"
            + " for another machine of the same architecture.")
    boolean noCheck;

    @Override
    public Integer call() {
        List<Path> files = NativeLibraries.extract(dir);
        if (!noCheck) {
            NativeLibraries.checkLoads(dir);
        }

        PrintWriter out = spec.commandLine().getOut();
        long bytes = 0;
        for (Path file : files) {
            bytes += size(file);
            out.println(file);
        }
        out.printf("Extracted %d files, %d MB, for %s into %s%s%n", files.size(), bytes / (1024 * 1024),
                NativeLibraries.platform(), dir.toAbsolutePath(), noCheck ? "" : "; they load on this machine");
        out.flush();
        return 0;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
