package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeinfer.testing.EmbeddedBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

/** Runs the demo command in process, as {@code bin/edgeinfer demo} does, on 300 real test images. */
@QuarkusMainTest
@WithTestResource(EmbeddedBrokerResource.class)
class DemoCommandTest {

    @Test
    @Launch({"demo", "--count", "300", "--json"})
    void demoAnswersEveryFrame(LaunchResult result) throws Exception {
        JsonNode summary = new ObjectMapper().readTree(jsonPart(result.getOutput()));

        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertEquals(300, summary.path("sent").asInt());
        assertEquals(300, summary.path("results").asInt());
        assertEquals(0, summary.path("errors").asInt());
        assertEquals(0, summary.path("missing").asInt());
        assertTrue(summary.path("accuracy").asDouble() >= 0.9, summary.toString());
        assertTrue(summary.path("latencyMillis").path("p99").asDouble() > 0, summary.toString());
    }

    /** Returns the output from the line that opens the JSON summary, because log lines may come first. */
    private static String jsonPart(String output) {
        int start = output.startsWith("{") ? 0 : output.indexOf("\n{") + 1;
        return output.substring(start);
    }
}
