package io.edgeinfer.model;

import io.edgeinfer.testing.TestModelConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manager with real SavedModels copied from the committed full variant. */
class ModelManagerTest {

    @TempDir
    Path root;

    private ModelManager manager;

    @BeforeEach
    void createManager() throws IOException {
        VariantFolders.copyFull(root, "full");
        VariantFolders.copyFull(root, "copy");
        manager = new ModelManager(TestModelConfig.of(root), new SimpleMeterRegistry());
        manager.reloadCatalog();
    }

    @AfterEach
    void closeActive() {
        manager.active().ifPresent(LoadedModel::retire);
    }

    @Test
    void activateServesVariant() {
        LoadedModel full = manager.activate(new VariantId("fashion-mnist", "full"));

        assertEquals(ModelState.SERVING, full.state());
        try (ModelLease lease = manager.lease(null)) {
            float[] scores = lease.model().run(new float[28 * 28], 1);
            assertEquals(10, scores.length);
        }
    }

    @Test
    void corruptVariantKeepsCurrent() throws IOException {
        LoadedModel full = manager.activate(new VariantId("fashion-mnist", "full"));
        VariantFolders.copyFull(root, "broken");
        VariantFolders.corrupt(root.resolve("fashion-mnist/broken/variables/variables.data-00000-of-00001"));
        manager.reloadCatalog();

        assertThrows(ModelIntegrityException.class, () -> manager.activate(new VariantId("fashion-mnist", "broken")));

        assertSame(full, manager.active().orElseThrow());
        assertEquals(ModelState.SERVING, full.state());
        assertTrue(manager.lastFailure().orElseThrow().message().contains("variables.data"));
        try (ModelLease lease = manager.lease("fashion-mnist")) {
            assertSame(full, lease.model());
        }
    }

    @Test
    void unreadableSavedModelKeepsCurrent() throws IOException {
        LoadedModel full = manager.activate(new VariantId("fashion-mnist", "full"));
        Path broken = VariantFolders.copyFull(root, "unreadable");
        Files.write(broken.resolve("saved_model.pb"), new byte[] {1, 2, 3});
        rewriteChecksums(broken);
        manager.reloadCatalog();

        assertThrows(ModelLoadException.class, () -> manager.activate(new VariantId("fashion-mnist", "unreadable")));

        assertSame(full, manager.active().orElseThrow());
    }

    @Test
    void swapDrainsOldVariant() throws InterruptedException {
        LoadedModel full = manager.activate(new VariantId("fashion-mnist", "full"));
        ModelLease inFlight = manager.lease(null);

        LoadedModel copy = manager.activate(new VariantId("fashion-mnist", "copy"));

        assertEquals(ModelState.DRAINING, full.state());
        assertEquals(10, inFlight.model().run(new float[28 * 28], 1).length);
        inFlight.close();
        assertTrue(full.awaitClosed(Duration.ofSeconds(30)), "the drained variant must close");
        assertEquals(ModelState.CLOSED, full.state());
        assertSame(copy, manager.active().orElseThrow());
    }

    @Test
    void tightBudgetClosesOldBeforeLoading() throws Exception {
        ModelManager tight = new ModelManager(TestModelConfig.of(root).withMemoryBudget(20_000_000), new SimpleMeterRegistry());
        tight.reloadCatalog();
        LoadedModel full = tight.activate(new VariantId("fashion-mnist", "full"));
        ModelLease inFlight = tight.lease(null);

        CompletableFuture<LoadedModel> swap = CompletableFuture.supplyAsync(
                () -> tight.activate(new VariantId("fashion-mnist", "copy")));
        awaitState(full, ModelState.DRAINING);
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> {
            try (ModelLease lease = tight.lease(null)) {
                return lease.model().id().variant();
            }
        });

        assertEquals(10, inFlight.model().run(new float[28 * 28], 1).length);
        assertTrue(!swap.isDone(), "the swap must wait for the in-flight request");
        inFlight.close();
        LoadedModel copy = swap.get(30, TimeUnit.SECONDS);

        assertEquals(ModelState.CLOSED, full.state());
        assertEquals("copy", waiting.get(30, TimeUnit.SECONDS));
        assertSame(copy, tight.active().orElseThrow());
        copy.retire();
    }

    @Test
    void tightBudgetRejectsCorruptWithoutUnloading() throws IOException {
        ModelManager tight = new ModelManager(TestModelConfig.of(root).withMemoryBudget(20_000_000), new SimpleMeterRegistry());
        VariantFolders.copyFull(root, "broken");
        VariantFolders.corrupt(root.resolve("fashion-mnist/broken/variables/variables.data-00000-of-00001"));
        tight.reloadCatalog();
        LoadedModel full = tight.activate(new VariantId("fashion-mnist", "full"));

        assertThrows(ModelIntegrityException.class, () -> tight.activate(new VariantId("fashion-mnist", "broken")));

        assertSame(full, tight.active().orElseThrow());
        assertEquals(ModelState.SERVING, full.state());
        full.retire();
    }

    @Test
    void calibratorTimesVariant() {
        ModelVariant copy = manager.catalog().find(new VariantId("fashion-mnist", "copy")).orElseThrow();

        LatencyMeasurement latency = new VariantCalibrator(new ModelLoader(true, 1), 2, 10).calibrate(copy);

        assertEquals(10, latency.runs());
        assertTrue(latency.medianMillis() > 0, latency.toString());
        assertTrue(latency.p90Millis() >= latency.medianMillis(), latency.toString());
    }

    private static void awaitState(LoadedModel model, ModelState state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (model.state() != state && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        assertEquals(state, model.state());
    }

    @Test
    void unknownModelIsRejected() {
        manager.activate(new VariantId("fashion-mnist", "full"));

        UnknownModelException error = assertThrows(UnknownModelException.class, () -> manager.lease("cats"));
        assertTrue(error.getMessage().contains("cats"));
    }

    private static void rewriteChecksums(Path variantDir) throws IOException {
        Path manifestFile = variantDir.resolve(ModelManifest.FILE_NAME);
        String manifest = Files.readString(manifestFile);
        for (Map.Entry<String, String> entry : ManifestIo.read(variantDir).files().entrySet()) {
            manifest = manifest.replace(entry.getValue(), Checksums.sha256(variantDir.resolve(entry.getKey())));
        }
        Files.writeString(manifestFile, manifest);
    }
}
