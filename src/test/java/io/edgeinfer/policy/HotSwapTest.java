package io.edgeinfer.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeinfer.model.ModelManager;
import io.edgeinfer.telemetry.BatteryState;
import io.edgeinfer.telemetry.TelemetryConfig;
import io.edgeinfer.testing.HotSwapResource;
import io.edgeinfer.testing.MqttTestClient;
import io.edgeinfer.testing.ServiceReadiness;
import io.edgeinfer.testing.TestImages;
import io.edgeinfer.testing.TopicRecorder;
import io.edgeinfer.transport.mqtt.MqttConfig;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hot swap end to end: real SavedModels, the embedded broker, MQTT telemetry and control, REST pins, and a sysfs
 * folder the test writes. Every test starts unpinned with a full battery.
 */
@QuarkusTest
@WithTestResource(HotSwapResource.class)
class HotSwapTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final int SWAPS = 50;
    private static final int SENDERS = 3;

    @Inject
    MqttConfig mqtt;

    @Inject
    Vertx vertx;

    @Inject
    ModelManager models;

    @Inject
    SwapController controller;

    @Inject
    TelemetryConfig telemetry;

    @Inject
    BatteryState batteryState;

    private String device;
    private TopicRecorder recorder;

    @BeforeEach
    void start() throws Exception {
        device = mqtt.topicPrefix() + "/" + mqtt.deviceId();
        ServiceReadiness.await();
        recorder = new TopicRecorder(vertx, "127.0.0.1", mqtt.port(), device + "/status", device + "/errors/+");
        controller.unpin().get(30, TimeUnit.SECONDS);
        publishBatteryUntilApplied(1.0, false);
        awaitActive("full");
        // The retained status of the previous test arrived on subscribing; only what follows counts.
        recorder.clear();
    }

    @AfterEach
    void stop() throws Exception {
        recorder.close();
        deleteSysfsBattery();
        controller.unpin().get(30, TimeUnit.SECONDS);
    }

    @Test
    void fiftySwapsUnderLoadLoseNothing() throws Exception {
        double swapsBefore = swapCount();
        AtomicBoolean swapping = new AtomicBoolean(true);
        Map<String, AtomicInteger> variants = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger missing = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> running = new ArrayList<>();
        // One client for all senders, so that each reply has one subscriber. Moquette 0.17 can release a QoS 1
        // message twice when several subscribers acknowledge it, which stops one of its session threads.
        MqttTestClient client = new MqttTestClient(vertx, "127.0.0.1", mqtt.port(), device);
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            running.add(senders.submit(() -> {
                sendUntil(client, swapping, sender, sent, variants, errors, missing);
                return null;
            }));
        }

        for (int i = 0; i < SWAPS; i++) {
            String target = i % 2 == 0 ? "lite" : "full";
            Response response = given().contentType("application/json")
                    .body("{\"action\":\"pin\",\"variant\":\"" + target + "\"}").put("/v1/models/active");
            assertEquals(200, response.statusCode(), response.asString());
            assertEquals(target, response.jsonPath().getString("variant"));
        }
        swapping.set(false);
        for (Future<?> sender : running) {
            sender.get(2, TimeUnit.MINUTES);
        }
        senders.shutdown();
        client.close();

        assertEquals(0, errors.get(), "error replies during swaps");
        assertEquals(0, missing.get(), "missing replies during swaps");
        assertTrue(sent.get() >= SWAPS, "only " + sent.get() + " frames were sent during " + SWAPS + " swaps");
        assertTrue(variants.containsKey("full"), variants.toString());
        assertTrue(variants.containsKey("lite"), variants.toString());
        assertEquals(swapsBefore + SWAPS, swapCount());
        assertEquals("pinned", given().get("/v1/models/active").jsonPath().getString("lastSwap.reason"));
    }

    private static void sendUntil(MqttTestClient client, AtomicBoolean running, int sender, AtomicInteger sent,
            Map<String, AtomicInteger> variants, AtomicInteger errors, AtomicInteger missing) throws Exception {
        for (int i = 0; running.get(); i++) {
            int image = (sender * 1000 + i) % 1000;
            sent.incrementAndGet();
            try {
                MqttTestClient.Reply reply = client.request("frames", "swap-" + sender + "-" + i,
                        TestImages.png(TestImages.gray(image)));
                if (reply.error()) {
                    errors.incrementAndGet();
                } else {
                    variants.computeIfAbsent(reply.body().path("variant").asText(), v -> new AtomicInteger())
                            .incrementAndGet();
                }
            } catch (TimeoutException e) {
                missing.incrementAndGet();
            }
        }
    }

    @Test
    void batteryDrainAndChargeSwap() throws Exception {
        publishBattery(0.1, false);

        JsonNode drained = awaitStatus("lite", "battery");
        assertEquals("low", drained.path("band").asText());
        assertEquals(0.1, drained.path("battery").path("level").asDouble(), 1e-9);
        assertEquals("full", drained.path("lastSwap").path("from").asText());

        publishBattery(0.1, true);

        JsonNode charging = awaitStatus("full", "charging");
        assertEquals("lite", charging.path("lastSwap").path("from").asText());
        assertTrue(charging.path("battery").path("charging").asBoolean());
    }

    @Test
    void sysfsBatteryDrivesSwap() throws Exception {
        Path battery = Files.createDirectories(telemetry.powerSupplyDir().resolve("BAT0"));
        Files.writeString(battery.resolve("type"), "Battery\n");
        Files.writeString(battery.resolve("status"), "Discharging\n");
        Files.writeString(battery.resolve("capacity"), "8\n");

        JsonNode drained = awaitStatus("lite", "battery");

        assertEquals("sysfs", drained.path("battery").path("source").asText());
        assertEquals(0.08, drained.path("battery").path("level").asDouble(), 1e-9);
    }

    @Test
    void corruptVariantIsRejectedAndCurrentServes() throws Exception {
        Response response = given().contentType("application/json")
                .body("{\"action\":\"pin\",\"variant\":\"broken\"}").put("/v1/models/active");

        assertEquals(503, response.statusCode(), response.asString());
        assertTrue(response.jsonPath().getString("message").contains("integrity"), response.asString());
        assertEquals("SWAP_FAILED", response.jsonPath().getString("code"), response.asString());
        assertEquals("full", models.active().orElseThrow().id().variant());
        assertEquals("broken", controller.status().lastFailure().variant());
        assertTrue(failureCount("broken") >= 1);
        try (MqttTestClient client = new MqttTestClient(vertx, "127.0.0.1", mqtt.port(), device)) {
            MqttTestClient.Reply reply = client.request("frames", "after-broken", TestImages.png(TestImages.gray(3)));
            assertFalse(reply.error(), reply.body().toString());
            assertEquals("full", reply.body().path("variant").asText());
        }
    }

    @Test
    void mqttControlPinsAndUnpins() throws Exception {
        recorder.publish(device + "/control", "{\"action\":\"pin\",\"variant\":\"lite\"}");

        JsonNode pinned = awaitStatus("lite", "pinned");
        assertEquals("lite", pinned.path("pinned").asText());

        recorder.publish(device + "/control", "{\"action\":\"unpin\"}");

        JsonNode unpinned = awaitStatus("full", "battery");
        assertTrue(unpinned.path("pinned").isMissingNode(), unpinned.toString());
    }

    @Test
    void badControlAndTelemetryGetErrors() throws Exception {
        assertErrorReply("telemetry/battery", "{\"level\":", "telemetry", "INVALID_TELEMETRY", "not valid JSON");
        assertErrorReply("telemetry/battery", "{\"level\":1.5,\"charging\":false}", "telemetry", "INVALID_TELEMETRY",
                "1.5");
        assertErrorReply("control", "pin lite", "control", "INVALID_CONTROL", "not valid JSON");
        assertErrorReply("control", "{\"action\":\"shrink\"}", "control", "INVALID_CONTROL", "shrink");
        assertErrorReply("control", "{\"action\":\"pin\",\"variant\":\"nano\"}", "control", "UNKNOWN_VARIANT",
                "nano");

        double restErrorsBefore = controlErrorCount("control", "unknown_variant");
        given().contentType("application/json").body("{\"action\":\"pin\",\"variant\":\"nano\"}")
                .put("/v1/models/active").then().statusCode(404)
                .body("code", equalTo("UNKNOWN_VARIANT"), "kind", equalTo("control"));
        given().contentType("application/json").body("{\"variant\":\"lite\"}")
                .put("/v1/models/active").then().statusCode(400)
                .body("code", equalTo("INVALID_CONTROL"), "kind", equalTo("control"));
        assertEquals("full", models.active().orElseThrow().id().variant());
        assertEquals(restErrorsBefore + 1, controlErrorCount("control", "unknown_variant"));
        assertTrue(controlErrorCount("telemetry", "invalid_telemetry") >= 2);
    }

    @Test
    void statusReachesLateSubscriber() throws Exception {
        try (TopicRecorder late = new TopicRecorder(vertx, "127.0.0.1", mqtt.port(), device + "/status")) {
            TopicRecorder.Received status = late.await(m -> true, DEADLINE, "on the status topic");

            assertTrue(status.retained(), "the first status after subscribing must be the retained one");
            assertEquals("online", status.body().path("state").asText());
            assertEquals("fashion-mnist", status.body().path("model").asText());
            assertEquals(mqtt.deviceId(), status.body().path("device").asText());
        }
    }

    private void assertErrorReply(String topic, String payload, String kind, String code, String messagePart)
            throws Exception {
        recorder.clear();
        recorder.publish(device + "/" + topic, payload);

        TopicRecorder.Received reply = recorder.await(m -> m.topic().contains("/errors/" + kind + "-"), DEADLINE,
                "with a " + kind + " error");

        assertEquals(code, reply.body().path("code").asText(), reply.body().toString());
        assertEquals(kind, reply.body().path("kind").asText());
        assertTrue(reply.topic().endsWith(reply.body().path("requestId").asText()), reply.topic());
        assertTrue(reply.body().path("message").asText().contains(messagePart), reply.body().toString());
    }

    private JsonNode awaitStatus(String variant, String reason) throws InterruptedException {
        return recorder.await(m -> m.topic().endsWith("/status")
                && variant.equals(m.body().path("variant").asText())
                && reason.equals(m.body().path("lastSwap").path("reason").asText()), DEADLINE,
                "with variant " + variant + " and swap reason " + reason).body();
    }

    /**
     * Publishes a battery reading and waits until the service applies it, so no older one counts. The reading is
     * published again every 5 seconds, in case it arrived while the service's own connection was down.
     */
    private void publishBatteryUntilApplied(double level, boolean charging) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        Instant published = Instant.now();
        publishBattery(level, charging);
        long republishAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline && !appliedSince(published)) {
            if (System.nanoTime() > republishAt) {
                publishBattery(level, charging);
                republishAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertTrue(appliedSince(published), "the battery reading was not applied: " + batteryState.current());
    }

    private boolean appliedSince(Instant since) {
        return batteryState.current().map(r -> !r.at().isBefore(since)).orElse(false);
    }

    private void awaitActive(String variant) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline
                && !models.active().map(m -> m.id().variant().equals(variant)).orElse(false)) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertEquals(variant, models.active().orElseThrow().id().variant());
    }

    private void publishBattery(double level, boolean charging) throws Exception {
        recorder.publish(device + "/telemetry/battery", "{\"level\":" + level + ",\"charging\":" + charging + "}");
    }

    private void deleteSysfsBattery() throws IOException {
        Path battery = telemetry.powerSupplyDir().resolve("BAT0");
        if (Files.isDirectory(battery)) {
            try (var files = Files.list(battery)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(battery);
        }
    }

    private static double swapCount() {
        return sumSeries("edgeinfer_swaps_total{");
    }

    private static double failureCount(String variant) {
        return sumSeries("edgeinfer_swap_failures_total{reason=\"pinned\",to=\"" + variant + "\"");
    }

    private static double controlErrorCount(String kind, String code) {
        return sumSeries("edgeinfer_control_errors_total{code=\"" + code + "\",kind=\"" + kind + "\"");
    }

    /** Adds up every series of /q/metrics whose line starts with {@code prefix}. */
    private static double sumSeries(String prefix) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
