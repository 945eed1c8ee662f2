package io.edgeinfer.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** SHA-256 checksums of the files in a variant folder. */
public final class Checksums {

    private Checksums() {
    }

    /**
     * Computes the SHA-256 of every regular file under {@code variantDir} except the manifest.
     *
     * @return lowercase hex digests keyed by path relative to the folder, with forward slashes, in sorted order
     */
    public static Map<String, String> of(Path variantDir) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(variantDir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String relative = variantDir.relativize(file).toString().replace('\\', '/');
                if (!relative.equals(ModelManifest.FILE_NAME)) {
                    digests.put(relative, sha256(file));
                }
            }
        }
        return digests;
    }

    /**
     * Checks each file that the manifest lists against its recorded SHA-256.
     *
     * @throws ModelIntegrityException naming the first file that is missing or differs
     */
    public static void verify(Path variantDir, ModelManifest manifest) {
        for (Map.Entry<String, String> entry : manifest.files().entrySet()) {
            Path file = variantDir.resolve(entry.getKey()).normalize();
            if (!file.startsWith(variantDir.normalize()) || !Files.isRegularFile(file)) {
                throw new ModelIntegrityException(manifest.id(), entry.getKey(), "is missing");
            }
            String actual = sha256(file);
            if (!actual.equalsIgnoreCase(entry.getValue())) {
                throw new ModelIntegrityException(manifest.id(), entry.getKey(),
                        "has SHA-256 " + actual + " but the manifest records " + entry.getValue());
            }
        }
    }

    /** Returns the SHA-256 of one file as lowercase hex. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " to compute its checksum", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    }
}
