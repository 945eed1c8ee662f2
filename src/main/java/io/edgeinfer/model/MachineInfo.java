package io.edgeinfer.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A one-line description of this machine for latency records: CPU model, cores, architecture and OS. */
public final class MachineInfo {

    private MachineInfo() {
    }

    /** Returns, for example, {@code "Intel Xeon ... , 2 cores, amd64, Linux 6.1"}. */
    public static String describe() {
        String cpu = cpuModel().orElse("unknown CPU");
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.arch")
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    /** Reads the CPU model from /proc/cpuinfo; ARM kernels often report only "Model" or nothing. */
    private static Optional<String> cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = line.substring(0, colon).trim();
                if (key.equals("model name") || key.equals("Model")) {
                    return Optional.of(line.substring(colon + 1).trim());
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
