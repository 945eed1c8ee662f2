package io.edgeinfer.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@code manifest.json} files.
 *
 * <p>Uses its own mapper, not the service's, so that the toolkit and the runtime read the format in the same
 * way and unknown fields from a newer toolkit do not stop an older runtime.
 */
public final class ManifestIo {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestIo() {
    }

    /**
     * Reads the manifest in a variant folder.
     *
     * @throws InvalidManifestException if the file is missing, is not valid JSON or lacks a required field
     */
    public static ModelManifest read(Path variantDir) {
        Path file = variantDir.resolve(ModelManifest.FILE_NAME);
        ModelManifest manifest;
        try {
            manifest = MAPPER.readValue(file.toFile(), ModelManifest.class);
        } catch (JsonProcessingException e) {
            throw new InvalidManifestException(file, "is not a valid manifest: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidManifestException(file, "cannot be read: " + e.getMessage());
        }
        ManifestValidator.validate(file, manifest);
        return manifest;
    }

    /** Writes the manifest into a variant folder, replacing any existing one. */
    public static void write(Path variantDir, ModelManifest manifest) throws IOException {
        Files.createDirectories(variantDir);
        Files.writeString(variantDir.resolve(ModelManifest.FILE_NAME), toJson(manifest) + "\n");
    }

    /** Returns the manifest as indented JSON. */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Manifest value cannot be written as JSON", e);
        }
    }
}
