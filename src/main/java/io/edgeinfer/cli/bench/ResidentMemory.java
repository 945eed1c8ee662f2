package io.edgeinfer.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads this process's resident set size from {@code /proc/self/status} (Linux only). */
public final class ResidentMemory {

    private ResidentMemory() {
    }

    /**
     * Returns VmRSS in bytes.
     *
     * @throws IllegalStateException if {@code /proc/self/status} has no VmRSS line, as on a system without procfs
     */
    public static long bytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("Cannot read VmRSS from /proc/self/status: " + e.getMessage(), e);
        }
        throw new IllegalStateException("/proc/self/status has no VmRSS line; the swap benchmark needs Linux");
    }
}
