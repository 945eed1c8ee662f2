package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.compression.arch.Architectures;
import io.edgeinfer.compression.arch.NetworkSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PruneTargetsTest {

    private static final NetworkSpec BASELINE = Architectures.baseline(28, 28, 1, 10);

    @Test
    void layerSparsityOverridesAndSkips() {
        Map<String, Double> kernels = PruneTargets.kernelSparsity(BASELINE, 0.85,
                Map.of("conv1", 0.0, "conv2", 0.5, "logits", 0.5));

        assertEquals(Map.of("conv2/kernel", 0.5, "fc1/kernel", 0.85, "logits/kernel", 0.5), kernels);
    }

    @Test
    void overallSparsityCountsAllParameters() {
        Map<String, Double> kernels = Map.of("conv2/kernel", 0.5, "fc1/kernel", 0.85, "logits/kernel", 0.5);

        double zeros = 25 * 32 * 64 * 0.5 + 3136 * 1024 * 0.85 + 1024 * 10 * 0.5;
        assertEquals(zeros / 3_274_634, PruneTargets.overallSparsity(BASELINE, kernels), 1e-12);
    }

    @Test
    void keepCountsCoverHiddenLayers() {
        Map<String, Double> overrides = new LinkedHashMap<>();
        overrides.put("fc1", 0.75);

        Map<String, Integer> counts = PruneTargets.keepCounts(BASELINE, 0.5, overrides);

        assertEquals(Map.of("conv1", 16, "conv2", 32, "fc1", 256), counts);
    }

    @Test
    void unknownLayersRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> PruneTargets.kernelSparsity(BASELINE, 0.8, Map.of("conv3", 0.5)));
        assertThrows(IllegalArgumentException.class,
                () -> PruneTargets.keepCounts(BASELINE, 0.5, Map.of("logits", 0.5)));
    }
}
