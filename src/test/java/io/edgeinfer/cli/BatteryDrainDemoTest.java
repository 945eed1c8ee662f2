package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeinfer.testing.HotSwapResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code demo --scenario battery-drain} in process, briefly, on two copies of the committed variant: the
 * drain must move the service to the low band's variant and charging must bring the full one back, with no
 * missing reply.
 */
@QuarkusMainTest
@WithTestResource(HotSwapResource.class)
class BatteryDrainDemoTest {

    private static final String PLOT = "target/battery-drain-test.png";

    @Test
    @Launch({"demo", "--scenario", "battery-drain", "--duration", "12", "--rate", "20", "--plot", PLOT, "--json"})
    void drainSwapsAndAnswersEveryFrame(LaunchResult result) throws Exception {
        String output = result.getOutput();
        JsonNode summary = new ObjectMapper().readTree(output.substring(output.startsWith("{") ? 0
                : output.indexOf("\n{") + 1));

        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertTrue(summary.path("sent").asInt() >= 200, summary.toString());
        assertEquals(summary.path("sent").asInt(), summary.path("results").asInt());
        assertEquals(0, summary.path("errors").asInt());
        assertEquals(0, summary.path("missing").asInt());
        assertEquals("lite", summary.path("swaps").path(0).path("to").asText(), summary.toString());
        assertEquals("battery", summary.path("swaps").path(0).path("reason").asText());
        assertEquals("full", summary.path("swaps").path(1).path("to").asText(), summary.toString());
        assertEquals("charging", summary.path("swaps").path(1).path("reason").asText());
        assertTrue(summary.path("variants").path("lite").path("results").asInt() > 0, summary.toString());
        BufferedImage plot = ImageIO.read(Path.of(PLOT).toFile());
        assertTrue(plot.getHeight() > plot.getWidth() / 2, "the plot has three stacked charts");
    }
}
