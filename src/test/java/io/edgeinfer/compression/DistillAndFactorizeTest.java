package io.edgeinfer.compression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.compression.arch.Architectures;
import io.edgeinfer.compression.arch.Initializer;
import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.data.FashionMnist;
import io.edgeinfer.compression.distill.DistillationObjective;
import io.edgeinfer.compression.distill.TeacherTargets;
import io.edgeinfer.compression.export.BatchNormFolding;
import io.edgeinfer.compression.export.VariantDraft;
import io.edgeinfer.compression.export.VariantExporter;
import io.edgeinfer.compression.export.VariantReader;
import io.edgeinfer.compression.lowrank.LowRankFactorizer;
import io.edgeinfer.compression.lowrank.RankRule;
import io.edgeinfer.compression.train.Trainer;
import io.edgeinfer.compression.train.TrainingConfig;
import io.edgeinfer.compression.train.TrainingOptions;
import io.edgeinfer.model.ModelCatalog;
import io.edgeinfer.model.ModelManifest;
import io.edgeinfer.model.Preprocessing;
import io.edgeinfer.model.Provenance;
import io.edgeinfer.model.VariantId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs distillation from the committed {@code teacher-bn} variant and low-rank factorization of the committed
 * {@code full} variant on a slice of Fashion-MNIST, and checks that each result exports as a variant the
 * runtime's catalog lists.
 */
class DistillAndFactorizeTest {

    private static Dataset training;
    private static Dataset test;
    private static VariantReader.TrainedNetwork full;
    private static VariantReader.TrainedNetwork teacher;

    @TempDir
    Path models;

    @BeforeAll
    static void readData() throws IOException {
        training = FashionMnist.train(FashionMnist.DEFAULT_DIR).head(3000);
        test = FashionMnist.test(FashionMnist.DEFAULT_DIR).head(1000);
        ModelCatalog committed = ModelCatalog.scan(Path.of("models"));
        full = VariantReader.read(committed.find(new VariantId("fashion-mnist", "full")).orElseThrow());
        teacher = VariantReader.read(committed.find(new VariantId("fashion-mnist", "teacher-bn")).orElseThrow());
    }

    @Test
    void distilledStudentExports() throws IOException {
        TeacherTargets targets = TeacherTargets.compute(teacher, training);
        NetworkSpec student = Architectures.mobilenet(28, 28, 1, 10, 0.5, 0.9f);
        TrainingConfig config = new TrainingConfig(2, 64, 2e-3f, 1e-4f, 9, true);

        Trainer.Outcome outcome = Trainer.train(student, Initializer.heNormal(student, 9), training, test, config,
                "test", TrainingOptions.DEFAULT.withObjective(new DistillationObjective(targets, 4f, 0.9f)));
        ModelManifest manifest = VariantExporter.export(draft("student", List.of("mobilenet", "distillation"),
                "teacher-bn", student), outcome.weights(), models, test, 5);

        assertTrue(targets.accuracy(training.labels()) > 0.9, "teacher accuracy on its targets");
        // At T = 4 the student first matches the softened distribution, so after 94 steps it is well above chance
        // (0.1) but far from its accuracy after full training.
        double inGraph = outcome.epochs().get(1).evalAccuracy();
        assertTrue(inGraph > 0.3, "student accuracy after two short epochs is " + inGraph);
        assertTrue(outcome.epochs().get(1).meanLoss() < outcome.epochs().get(0).meanLoss(), "loss must fall");
        assertEquals(inGraph, manifest.measurements().accuracy(), 0.002,
                "the folded SavedModel must score what the training graph scored");
        assertEquals(BatchNormFolding.foldedSpec(student).parameters(), manifest.measurements().parameters());
        assertFalse(manifest.architecture().toString().contains("batch_norm"));
        assertEquals(2, manifest.measurements().latency().size());
        assertTrue(ModelCatalog.scan(models).find(new VariantId("fashion-mnist", "student")).isPresent());
    }

    @Test
    void factorizedFullKeepsAccuracy() throws IOException {
        LowRankFactorizer.Result factorized = LowRankFactorizer.factorize(full,
                Map.of("conv2", new RankRule.Energy(0.8), "fc1", new RankRule.Fixed(64)));
        NetworkSpec spec = factorized.network().spec();
        TrainingConfig config = new TrainingConfig(1, 64, 1e-4f, 1e-6f, 9, true);

        Trainer.Outcome outcome = Trainer.train(spec, factorized.network().weights(), training.head(1500), test,
                config, "test");
        ModelManifest manifest = VariantExporter.export(draft("factorized", List.of("low-rank-factorization"),
                "full", spec), outcome.weights(), models, test, 0);

        assertEquals(List.of("conv2", "fc1"), factorized.layers().stream().map(LowRankFactorizer.LayerReport::layer)
                .toList());
        assertEquals(64, factorized.layers().get(1).rank());
        assertTrue(factorized.layers().get(0).energyRetained() >= 0.8);
        assertTrue(manifest.measurements().parameters() * 2 < full.spec().parameters(),
                manifest.measurements().parameters() + " parameters");
        assertTrue(manifest.measurements().accuracy() > 0.85, "accuracy " + manifest.measurements().accuracy());
        assertTrue(ModelCatalog.scan(models).find(new VariantId("fashion-mnist", "factorized")).isPresent());
    }

    private static VariantDraft draft(String variant, List<String> techniques, String parent, NetworkSpec spec) {
        return new VariantDraft("fashion-mnist", variant, techniques, parent, spec, FashionMnist.CLASS_NAMES,
                new Preprocessing(Preprocessing.ColorMode.GRAYSCALE, 28, 28, Preprocessing.ResizeMode.STRETCH, 0f,
                        List.of(0f), List.of(1f)),
                new Provenance("test", 9L, "2026-01-01T00:00:00Z", Map.of()));
    }
}
