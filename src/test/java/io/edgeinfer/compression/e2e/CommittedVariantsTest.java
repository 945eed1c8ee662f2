package io.edgeinfer.compression.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.data.FashionMnist;
import io.edgeinfer.model.ModelCatalog;
import io.edgeinfer.model.ModelVariant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every committed variant of fashion-mnist loads and serves through the runtime unchanged. */
class CommittedVariantsTest {

    @Test
    void everyVariantServes() throws IOException {
        ModelCatalog catalog = ModelCatalog.scan(Path.of("models"));
        List<ModelVariant> variants = catalog.variantsOf("fashion-mnist");
        Dataset test = FashionMnist.test(FashionMnist.DEFAULT_DIR).head(300);

        assertEquals(List.of(), catalog.problems());
        for (ModelVariant variant : variants) {
            double accuracy = ServedAccuracy.of(catalog.root(), variant.id(), test);
            // The first 300 test images are easier than the average, so each variant scores above 85% on them.
            assertTrue(accuracy > 0.85, variant.id() + " scores " + accuracy + " on 300 test images");
        }
    }
}
