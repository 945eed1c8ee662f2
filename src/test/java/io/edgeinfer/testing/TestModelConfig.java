package io.edgeinfer.testing;

import io.edgeinfer.model.ModelConfig;
import io.edgeinfer.model.VariantId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Model settings for tests that build a {@link io.edgeinfer.model.ModelManager} without Quarkus: checksums on,
 * nothing loaded or calibrated at start, and short warm-up and calibration runs.
 *
 * @param dir the models root
 * @param served the variant the settings name as the one to serve
 * @param memoryBudgetBytes the bytes of variant files that may be loaded at once, or empty for no limit
 */
public record TestModelConfig(Path dir, VariantId served, OptionalLong memoryBudgetBytes) implements ModelConfig {

    /** Serves {@code fashion-mnist/full} from {@code dir} with no memory budget. */
    public static TestModelConfig of(Path dir) {
        return new TestModelConfig(dir, new VariantId("fashion-mnist", "full"), OptionalLong.empty());
    }

    /** Returns these settings with a memory budget in bytes. */
    public TestModelConfig withMemoryBudget(long bytes) {
        return new TestModelConfig(dir, served, OptionalLong.of(bytes));
    }

    /** Returns these settings with another variant to serve. */
    public TestModelConfig serving(VariantId variant) {
        return new TestModelConfig(dir, variant, memoryBudgetBytes);
    }

    @Override
    public String name() {
        return served.model();
    }

    @Override
    public String variant() {
        return served.variant();
    }

    @Override
    public boolean loadOnStart() {
        return false;
    }

    @Override
    public boolean verifyChecksums() {
        return true;
    }

    @Override
    public int warmupRuns() {
        return 1;
    }

    @Override
    public Duration switchTimeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public boolean calibrateOnStart() {
        return false;
    }

    @Override
    public int calibrationWarmupRuns() {
        return 2;
    }

    @Override
    public int calibrationRuns() {
        return 10;
    }
}
