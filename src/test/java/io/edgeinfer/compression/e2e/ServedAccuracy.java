package io.edgeinfer.compression.e2e;

import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.model.LoadedModel;
import io.edgeinfer.model.ModelLease;
import io.edgeinfer.model.ModelManager;
import io.edgeinfer.model.VariantId;
import io.edgeinfer.testing.TestModelConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;

/** Puts a variant in service with the runtime's model manager and scores it one image per request. */
final class ServedAccuracy {

    private ServedAccuracy() {
    }

    static double of(Path models, VariantId variant, Dataset test) {
        ModelManager manager = new ModelManager(TestModelConfig.of(models).serving(variant), new SimpleMeterRegistry());
        manager.reloadCatalog();
        manager.activate(variant);
        try {
            int correct = 0;
            for (int i = 0; i < test.size(); i++) {
                try (ModelLease lease = manager.lease(variant.model())) {
                    float[] scores = lease.model().run(test.image(i), 1);
                    if (argmax(scores) == test.labels()[i]) {
                        correct++;
                    }
                }
            }
            return (double) correct / test.size();
        } finally {
            manager.active().ifPresent(LoadedModel::retire);
        }
    }

    private static int argmax(float[] scores) {
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return best;
    }
}
