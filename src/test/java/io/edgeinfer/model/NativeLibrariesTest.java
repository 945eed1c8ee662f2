package io.edgeinfer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extracts the real TensorFlow native jar of this platform (about 650 MB) and loads the result. */
class NativeLibrariesTest {

    @TempDir
    Path temp;

    @Test
    void extractedLibrariesLoad() throws IOException {
        Path dir = temp.resolve("native");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("libjnitensorflow.so"), "left over from a failed extraction");

        List<Path> files = NativeLibraries.extract(dir);

        assertTrue(files.contains(dir.resolve("libjnitensorflow.so")), files.toString());
        assertTrue(files.contains(dir.resolve("libtensorflow_cc.so.2")), files.toString());
        assertTrue(files.contains(dir.resolve("libtensorflow_framework.so.2")), files.toString());
        assertTrue(Files.size(dir.resolve("libjnitensorflow.so")) > 100_000, "libjnitensorflow.so replaced");
        assertTrue(Files.size(dir.resolve("libtensorflow_cc.so.2")) > 100_000_000, "libtensorflow_cc.so.2 size");
        try (Stream<Path> listed = Files.list(dir)) {
            assertFalse(listed.anyMatch(p -> p.getFileName().toString().endsWith(".partial")), "partial files left");
        }
        NativeLibraries.checkLoads(dir);
    }

    @Test
    void checkLoadsRejectsMissingFolder() {
        NativeLibraryException e = assertThrows(NativeLibraryException.class,
                () -> NativeLibraries.checkLoads(temp.resolve("missing")));

        assertTrue(e.getMessage().contains("extract-native"), e.getMessage());
    }

    @Test
    void explainNamesGlibcRequirement() {
        String message = NativeLibraries.explain(new UnsatisfiedLinkError(
                "/lib/aarch64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found (required by libjnitensorflow.so)"));

        assertTrue(message.contains("GLIBC_2.34' not found"), message);
        assertTrue(message.contains("glibc 2.34 or newer"), message);
        assertTrue(message.contains("Debian 12"), message);
    }

    @Test
    void explainOtherFailureNamesNativeFolder() {
        String message = NativeLibraries.explain(new UnsatisfiedLinkError("no jnitensorflow in java.library.path"));

        assertTrue(message.contains("no jnitensorflow in java.library.path"), message);
        assertTrue(message.contains("extract-native"), message);
        assertFalse(message.contains("glibc"), message);
    }

    @Test
    void platformIsLinux() {
        assertEquals("linux", NativeLibraries.platform().split("-")[0]);
    }
}
