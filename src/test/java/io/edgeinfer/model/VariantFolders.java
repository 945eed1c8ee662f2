package io.edgeinfer.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies of the committed variant for tests that damage or rename them. */
public final class VariantFolders {

    public static final Path COMMITTED_FULL = Path.of("models", "fashion-mnist", "full");

    private VariantFolders() {
    }

    /** Copies the committed full variant to {@code root/fashion-mnist/<variant>}, renaming it in its manifest. */
    public static Path copyFull(Path root, String variant) throws IOException {
        Path target = root.resolve("fashion-mnist").resolve(variant);
        try (Stream<Path> files = Files.walk(COMMITTED_FULL)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path destination = target.resolve(COMMITTED_FULL.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path manifest = target.resolve(ModelManifest.FILE_NAME);
        Files.writeString(manifest, Files.readString(manifest).replace("\"variant\" : \"full\"",
                "\"variant\" : \"" + variant + "\""));
        return target;
    }

    /** Flips one byte in the middle of a file. */
    public static void corrupt(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(file, bytes);
    }
}
