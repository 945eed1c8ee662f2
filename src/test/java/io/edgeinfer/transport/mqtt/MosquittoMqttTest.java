package io.edgeinfer.transport.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeinfer.testing.MosquittoResource;
import io.edgeinfer.testing.MqttTestClient;
import io.edgeinfer.testing.TestImages;
import io.edgeinfer.testing.TopicRecorder;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same MQTT API against a real Mosquitto broker, with the embedded broker off. */
@QuarkusTest
@WithTestResource(MosquittoResource.class)
class MosquittoMqttTest {

    /** A test image the full variant classifies with a high score, so encodings cannot tip it over. */
    private static final int IMAGE = 0;

    @Inject
    MqttConfig config;

    @Inject
    Vertx vertx;

    @Inject
    StatusPublisher publisher;

    private MqttTestClient client;

    @BeforeEach
    void connect() throws Exception {
        client = new MqttTestClient(vertx, config.host().orElseThrow(), config.port(),
                config.topicPrefix() + "/" + config.deviceId());
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void statusIsRetained() throws Exception {
        try (TopicRecorder status = new TopicRecorder(vertx, config.host().orElseThrow(), config.port(),
                config.topicPrefix() + "/" + config.deviceId() + "/status")) {
            TopicRecorder.Received first = status.await(m -> true, Duration.ofSeconds(30), "on the status topic");

            assertTrue(first.retained(), "the first status after subscribing must be the retained one");
            assertEquals("online", first.body().path("state").asText());
            assertEquals("full", first.body().path("variant").asText());
        }
    }

    @Test
    void stopLeavesOfflineStatus() throws Exception {
        String topic = config.topicPrefix() + "/" + config.deviceId() + "/status";
        publisher.publishOffline();

        try (TopicRecorder status = new TopicRecorder(vertx, config.host().orElseThrow(), config.port(), topic)) {
            TopicRecorder.Received first = status.await(m -> true, Duration.ofSeconds(30), "on the status topic");

            assertTrue(first.retained(), "the offline status must be retained");
            assertEquals("offline", first.body().path("state").asText());
            assertEquals(config.deviceId(), first.body().path("device").asText());
        } finally {
            publisher.publish();
        }
    }

    @Test
    void embeddedBrokerIsOff() {
        assertFalse(config.startsEmbeddedBroker());
    }

    @Test
    void encodingsAgreeWithRawTensor() throws Exception {
        JsonNode tensor = result("tensors", "tensor", TestImages.tensorJson(IMAGE).getBytes());
        int expected = tensor.path("predictions").path(0).path("index").asInt();
        assertEquals(TestImages.label(IMAGE), expected);
        assertTrue(tensor.path("predictions").path(0).path("score").asDouble() > 0.9, tensor.toString());

        assertTop("gray-png", TestImages.png(TestImages.gray(IMAGE)), expected);
        assertTop("rgb-jpeg", TestImages.jpeg(TestImages.convert(IMAGE, BufferedImage.TYPE_3BYTE_BGR, 28, 28)),
                expected);
        assertTop("rgba-png", TestImages.png(TestImages.convert(IMAGE, BufferedImage.TYPE_INT_ARGB, 28, 28)),
                expected);
        assertTop("rgb-png-300x200",
                TestImages.png(TestImages.convert(IMAGE, BufferedImage.TYPE_INT_RGB, 300, 200)), expected);
    }

    @Test
    void badFrameGetsErrorAndNextIsServed() throws Exception {
        MqttTestClient.Reply bad = client.request("frames", "mosquitto-bad", "GIF89a broken".getBytes());
        JsonNode good = result("frames", "mosquitto-good", TestImages.png(TestImages.gray(12)));

        assertTrue(bad.error(), bad.body().toString());
        assertEquals("INVALID_IMAGE", bad.body().path("code").asText());
        assertEquals(TestImages.label(12), good.path("predictions").path(0).path("index").asInt());
    }

    private void assertTop(String requestId, byte[] frame, int expected) throws Exception {
        JsonNode reply = result("frames", requestId, frame);
        assertEquals(expected, reply.path("predictions").path(0).path("index").asInt(),
                requestId + " got " + reply);
    }

    private JsonNode result(String kind, String requestId, byte[] payload) throws Exception {
        MqttTestClient.Reply reply = client.request(kind, requestId, payload);
        assertFalse(reply.error(), requestId + " got an error: " + reply.body());
        return reply.body();
    }
}
