package io.edgeinfer.testing;

import io.edgeinfer.model.VariantFolders;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A models folder with three copies of the committed variant: {@code full}, {@code lite}, and {@code broken}, whose
 * weights fail their checksum. It also sets {@code edgeinfer.telemetry.power-supply-dir} to an empty folder for
 * tests to write battery folders into, runs the embedded broker on a free port, and configures a policy that swaps
 * at once: high band {@code full, lite}, low band {@code lite}.
 */
public class HotSwapResource implements QuarkusTestResourceLifecycleManager {

    private Path root;

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("edgeinfer-hot-swap");
            Path models = root.resolve("models");
            VariantFolders.copyFull(models, "full");
            VariantFolders.copyFull(models, "lite");
            VariantFolders.copyFull(models, "broken");
            VariantFolders.corrupt(models.resolve("fashion-mnist/broken/variables/variables.data-00000-of-00001"));
            Path powerSupply = Files.createDirectories(root.resolve("power_supply"));

            Map<String, String> config = new HashMap<>();
            config.put("edgeinfer.mqtt.port", Integer.toString(FreePorts.next()));
            config.put("edgeinfer.mqtt.embedded-broker", "true");
            config.put("edgeinfer.mqtt.status-interval", "1s");
            config.put("edgeinfer.model.dir", models.toString());
            config.put("edgeinfer.model.calibration-warmup-runs", "2");
            config.put("edgeinfer.model.calibration-runs", "10");
            config.put("edgeinfer.telemetry.power-supply-dir", powerSupply.toString());
            config.put("edgeinfer.telemetry.thermal-dir", root.resolve("thermal").toString());
            config.put("edgeinfer.telemetry.poll-interval", "100ms");
            config.put("edgeinfer.telemetry.mqtt-battery-ttl", "2s");
            config.put("edgeinfer.policy.evaluation-interval", "100ms");
            config.put("edgeinfer.policy.min-dwell", "0s");
            config.put("edgeinfer.policy.slo.threshold", "60s");
            config.put("edgeinfer.policy.max-queue-depth", "100000");
            config.put("edgeinfer.policy.catalog-scan-interval", "1h");
            config.put("edgeinfer.policy.retry-initial-backoff", "1h");
            config.put("edgeinfer.policy.bands.high.variants", "full,lite");
            config.put("edgeinfer.policy.bands.medium.min-level", "0.35");
            config.put("edgeinfer.policy.bands.medium.variants", "full,lite");
            config.put("edgeinfer.policy.bands.low.variants", "lite");
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the hot-swap models folder", e);
        }
    }

    @Override
    public void stop() {
        // The temporary folder is left for inspection after a failure; the OS cleans it up.
    }
}
