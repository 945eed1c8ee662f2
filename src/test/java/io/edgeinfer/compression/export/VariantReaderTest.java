package io.edgeinfer.compression.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.compression.arch.Architectures;
import io.edgeinfer.model.ModelCatalog;
import io.edgeinfer.model.ModelVariant;
import io.edgeinfer.model.VariantId;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VariantReaderTest {

    @Test
    void committedFullReadsBack() {
        ModelVariant full = ModelCatalog.scan(Path.of("models")).find(new VariantId("fashion-mnist", "full"))
                .orElseThrow();

        VariantReader.TrainedNetwork network = VariantReader.read(full);

        assertEquals(Architectures.baseline(28, 28, 1, 10), network.spec());
        assertEquals(network.spec().variableShapes().keySet(), network.weights().asMap().keySet());
        assertArrayEquals(new long[] {3136, 1024}, network.weights().get("fc1/kernel").shape());
    }
}
