package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.model.ModelCatalog;
import io.edgeinfer.model.ModelManifest;
import io.edgeinfer.model.VariantId;
import io.edgeinfer.testing.EmbeddedBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code compress pipeline} from the committed distilled student on a slice of the training data, and checks
 * that the chain of variants lands with each parent named and the techniques in order.
 */
@QuarkusMainTest
@WithTestResource(EmbeddedBrokerResource.class)
class PipelineCommandTest {

    @TempDir
    Path models;

    @Test
    void pipelineChainsPruneAndQuantize(QuarkusMainLauncher launcher) throws IOException {
        copyVariant("full");
        copyVariant("student-distilled");

        LaunchResult result = launcher.launch("compress", "pipeline", "--student", "student-distilled",
                "--prune-epochs", "1", "--train-limit", "2000", "--latency-runs", "0", "--variant", "tiny",
                "--models", models.toString());

        assertEquals(0, result.exitCode(), result.getErrorOutput());
        ModelCatalog catalog = ModelCatalog.scan(models);
        ModelManifest pruned = catalog.find(new VariantId("fashion-mnist", "tiny-pruned")).orElseThrow().manifest();
        ModelManifest tiny = catalog.find(new VariantId("fashion-mnist", "tiny")).orElseThrow().manifest();
        assertEquals("student-distilled", pruned.parent());
        assertEquals("tiny-pruned", tiny.parent());
        assertEquals(List.of("mobilenet", "distillation", "prune-magnitude", "quantize-int8-weights"),
                tiny.techniques());
        assertTrue(tiny.measurements().fileBytes() < pruned.measurements().fileBytes(),
                tiny.measurements().fileBytes() + " bytes against " + pruned.measurements().fileBytes());
        assertTrue(pruned.provenance().command().startsWith("bin/edgeinfer compress prune --method magnitude"),
                pruned.provenance().command());
        assertTrue(result.getOutput().contains("tiny against full"), result.getOutput());
    }

    private void copyVariant(String variant) throws IOException {
        Path source = Path.of("models", "fashion-mnist", variant);
        Path target = models.resolve("fashion-mnist").resolve(variant);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
