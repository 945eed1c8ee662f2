package io.edgeinfer.transport.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeinfer.testing.MosquittoTlsResource;
import io.edgeinfer.testing.ServiceReadiness;
import io.edgeinfer.testing.TestImages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The service against a Mosquitto broker that takes only TLS clients with a password. The test's own clients are
 * Mosquitto's command-line tools, because the demo client speaks plain MQTT only.
 */
@QuarkusTest
@WithTestResource(MosquittoTlsResource.class)
class MosquittoTlsMqttTest {

    private static final int IMAGE = 0;

    @Inject
    MqttConfig config;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void statusArrivesOverTls() throws Exception {
        ServiceReadiness.await();

        Result status = mosquitto("mosquitto_sub", "-t", topic("status"), "-C", "1", "-W", "20");

        assertEquals(0, status.exitCode(), status.output());
        assertEquals("online", json.readTree(status.output()).path("state").asText());
    }

    @Test
    void frameGetsResultOverTls() throws Exception {
        ServiceReadiness.await();
        Path frame = Files.createTempFile("tls-frame", ".png");
        Files.write(frame, TestImages.png(TestImages.gray(IMAGE)));
        Process results = start("mosquitto_sub", "-t", topic("results/tls-1"), "-C", "1", "-W", "30");
        TimeUnit.MILLISECONDS.sleep(500);

        Result published = mosquitto("mosquitto_pub", "-t", topic("frames/tls-1"), "-q", "1", "-f", frame.toString());
        Result result = finish(results);

        assertEquals(0, published.exitCode(), published.output());
        assertEquals(0, result.exitCode(), result.output());
        JsonNode reply = json.readTree(result.output());
        assertEquals(TestImages.label(IMAGE), reply.path("predictions").path(0).path("index").asInt());
    }

    @Test
    void brokerRejectsAnonymousClients() throws Exception {
        Result anonymous = run(List.of("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(config.port()),
                "--cafile", caFile(), "-t", topic("status"), "-C", "1", "-W", "5"));

        assertNotEquals(0, anonymous.exitCode(), "the test broker must require a password: " + anonymous.output());
    }

    private String topic(String suffix) {
        return config.topicPrefix() + "/" + config.deviceId() + "/" + suffix;
    }

    private String caFile() {
        return config.tls().caFile().orElseThrow().toString();
    }

    private List<String> withBroker(String tool, String... arguments) {
        List<String> command = new ArrayList<>(List.of(tool, "-h", "127.0.0.1", "-p", Integer.toString(config.port()),
                "--cafile", caFile(), "-u", MosquittoTlsResource.USER, "-P", MosquittoTlsResource.PASSWORD,
                "-i", tool + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime()));
        command.addAll(List.of(arguments));
        return command;
    }

    private Result mosquitto(String tool, String... arguments) throws IOException, InterruptedException {
        return run(withBroker(tool, arguments));
    }

    private Process start(String tool, String... arguments) throws IOException {
        return new ProcessBuilder(withBroker(tool, arguments)).redirectErrorStream(true).start();
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        return finish(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private static Result finish(Process process) throws IOException, InterruptedException {
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return new Result(process.isAlive() ? -1 : process.exitValue(), output);
    }

    /** A finished command-line client: its exit code and what it printed. */
    private record Result(int exitCode, String output) {
    }
}
