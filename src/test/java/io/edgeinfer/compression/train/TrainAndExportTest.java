package io.edgeinfer.compression.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.compression.arch.Architectures;
import io.edgeinfer.compression.arch.Initializer;
import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.arch.WeightSet;
import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.data.FashionMnist;
import io.edgeinfer.compression.export.VariantDraft;
import io.edgeinfer.compression.export.VariantExporter;
import io.edgeinfer.compression.export.VariantReader;
import io.edgeinfer.model.ModelCatalog;
import io.edgeinfer.model.ModelManifest;
import io.edgeinfer.model.Preprocessing;
import io.edgeinfer.model.Provenance;
import io.edgeinfer.model.VariantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains the baseline briefly on real data, exports it, and reads it back as the runtime would. */
class TrainAndExportTest {

    @TempDir
    Path models;

    @Test
    void shortTrainingLearnsAndExports() throws IOException {
        Dataset train = FashionMnist.train(FashionMnist.DEFAULT_DIR).head(4000);
        Dataset test = FashionMnist.test(FashionMnist.DEFAULT_DIR).head(1000);
        NetworkSpec spec = Architectures.baseline(28, 28, 1, 10);
        TrainingConfig config = new TrainingConfig(1, 64, 1e-3f, 1e-4f, 7, true);

        Trainer.Outcome outcome = Trainer.train(spec, Initializer.heNormal(spec, 7), train, test, config, "test");
        ModelManifest manifest = VariantExporter.export(draft(spec, config), outcome.weights(), models, test, 5);

        double inGraph = outcome.epochs().get(0).evalAccuracy();
        assertTrue(inGraph > 0.6, "accuracy after one short epoch is " + inGraph);
        assertEquals(inGraph, manifest.measurements().accuracy(), 1e-9,
                "the exported SavedModel must score what the training graph scored");
        assertEquals(spec.parameters(), manifest.measurements().parameters());
        assertEquals(2, manifest.measurements().latency().size());
        assertTrue(ModelCatalog.scan(models).find(new VariantId("fashion-mnist", "smoke")).isPresent());
    }

    @Test
    void exportedWeightsReadBackExactly() throws IOException {
        NetworkSpec spec = Architectures.baseline(28, 28, 1, 10);
        WeightSet weights = Initializer.heNormal(spec, 3);
        Dataset test = FashionMnist.test(FashionMnist.DEFAULT_DIR).head(100);
        VariantExporter.export(draft(spec, new TrainingConfig(1, 64, 1e-3f, 1e-4f, 3, false)), weights, models, test,
                0);

        VariantReader.TrainedNetwork read = VariantReader.read(
                ModelCatalog.scan(models).find(new VariantId("fashion-mnist", "smoke")).orElseThrow());

        assertEquals(spec, read.spec());
        for (String name : weights.asMap().keySet()) {
            assertTrue(Arrays.equals(weights.get(name).values(), read.weights().get(name).values()), name);
        }
    }

    @Test
    void exportKeepsOneCopyOfWeights() throws IOException {
        NetworkSpec spec = Architectures.baseline(28, 28, 1, 10);
        Dataset test = FashionMnist.test(FashionMnist.DEFAULT_DIR).head(100);

        ModelManifest manifest = VariantExporter.export(draft(spec, new TrainingConfig(1, 64, 1e-3f, 1e-4f, 1, false)),
                Initializer.heNormal(spec, 1), models, test, 0);

        long weightBytes = spec.parameters() * 4;
        assertTrue(manifest.measurements().fileBytes() < weightBytes * 1.05,
                manifest.measurements().fileBytes() + " bytes for " + weightBytes + " bytes of weights");
        assertTrue(Files.size(models.resolve("fashion-mnist/smoke/saved_model.pb")) < 64 * 1024);
    }

    @Test
    void sameSeedGivesSameInitialWeights() {
        NetworkSpec spec = Architectures.baseline(28, 28, 1, 10);

        WeightSet first = Initializer.heNormal(spec, 42);
        WeightSet second = Initializer.heNormal(spec, 42);

        for (String name : first.asMap().keySet()) {
            assertTrue(Arrays.equals(first.get(name).values(), second.get(name).values()), name);
        }
    }

    private static VariantDraft draft(NetworkSpec spec, TrainingConfig config) {
        return new VariantDraft("fashion-mnist", "smoke", List.of("baseline"), null, spec, FashionMnist.CLASS_NAMES,
                new Preprocessing(Preprocessing.ColorMode.GRAYSCALE, 28, 28, Preprocessing.ResizeMode.STRETCH, 0f,
                        List.of(0f), List.of(1f)),
                new Provenance("test", config.seed(), "2026-01-01T00:00:00Z", Map.of()));
    }
}
