package io.edgeinfer.transport.mqtt;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.testing.EmbeddedBrokerResource;
import io.edgeinfer.testing.Metrics;
import io.edgeinfer.testing.MqttTestClient;
import io.edgeinfer.testing.TestImages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
class EmbeddedBrokerMqttTest {

    @Inject
    MqttConfig config;

    @Inject
    Vertx vertx;

    private MqttTestClient client;

    @BeforeEach
    void connect() throws Exception {
        client = new MqttTestClient(vertx, "127.0.0.1", config.port(),
                config.topicPrefix() + "/" + config.deviceId());
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void frameGetsResult() throws Exception {
        MqttTestClient.Reply reply = client.request("frames", "frame-5", TestImages.png(TestImages.gray(5)));

        assertFalse(reply.error(), reply.body().toString());
        assertEquals("frame-5", reply.body().path("requestId").asText());
        assertEquals("full", reply.body().path("variant").asText());
        assertEquals(TestImages.label(5), reply.body().path("predictions").path(0).path("index").asInt());
    }

    @Test
    void jsonTensorGetsResult() throws Exception {
        MqttTestClient.Reply reply = client.request("tensors", "tensor-6", TestImages.tensorJson(6).getBytes());

        assertFalse(reply.error(), reply.body().toString());
        assertEquals(TestImages.label(6), reply.body().path("predictions").path(0).path("index").asInt());
    }

    @Test
    void rawFloat32TensorGetsResult() throws Exception {
        float[] pixels = TestImages.test().image(7);
        ByteBuffer raw = ByteBuffer.allocate(pixels.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float pixel : pixels) {
            raw.putFloat(pixel);
        }
        MqttTestClient.Reply reply = client.request("tensors", "raw-7", raw.array());

        assertFalse(reply.error(), reply.body().toString());
        assertEquals(TestImages.label(7), reply.body().path("predictions").path(0).path("index").asInt());
    }

    @Test
    void zeroBytesGetError() throws Exception {
        expectErrorThenServe("frames", "zero", new byte[0], "EMPTY_PAYLOAD", "frame", "empty_payload");
    }

    @Test
    void truncatedJpegGetsError() throws Exception {
        byte[] jpeg = TestImages.jpeg(TestImages.convert(8, BufferedImage.TYPE_3BYTE_BGR, 28, 28));
        expectErrorThenServe("frames", "truncated", Arrays.copyOf(jpeg, jpeg.length / 2), "INVALID_IMAGE", "frame",
                "invalid_image");
    }

    @Test
    void randomBytesGetError() throws Exception {
        byte[] noise = new byte[2048];
        new Random(11).nextBytes(noise);
        expectErrorThenServe("frames", "noise", noise, "INVALID_IMAGE", "frame", "invalid_image");
    }

    @Test
    void jsonOnFramesTopicGetsError() throws Exception {
        MqttTestClient.Reply reply = expectErrorThenServe("frames", "json-frame", TestImages.tensorJson(0).getBytes(),
                "INVALID_IMAGE", "frame", "invalid_image");
        assertTrue(reply.body().path("message").asText().contains("tensors"), reply.body().toString());
    }

    @Test
    void wrongShapeTensorGetsError() throws Exception {
        String tensor = "{\"shape\":[28,27,1],\"data\":[" + "0.1,".repeat(28 * 27 - 1) + "0.1]}";
        MqttTestClient.Reply reply = expectErrorThenServe("tensors", "wrong-shape", tensor.getBytes(),
                "WRONG_SHAPE", "tensor", "wrong_shape");
        assertTrue(reply.body().path("message").asText().contains("[28, 27, 1]"), reply.body().toString());
    }

    @Test
    void oversizedFrameGetsError() throws Exception {
        byte[] payload = new byte[5 * 1024 * 1024];
        expectErrorThenServe("frames", "oversized", payload, "PAYLOAD_TOO_LARGE", "frame", "payload_too_large");
    }

    @Test
    void missingRequestIdGetsError() throws Exception {
        MqttTestClient.Reply reply = client.request("frames", "", TestImages.png(TestImages.gray(0)));

        assertTrue(reply.error());
        assertEquals("INVALID_REQUEST", reply.body().path("code").asText());
    }

    @Test
    void oneMebibyteFrameArrivesIntact() throws Exception {
        byte[] frame = TestImages.png(noisyLargeImage());
        assertTrue(frame.length >= 1024 * 1024, "frame is only " + frame.length + " bytes");

        MqttTestClient.Reply reply = client.request("frames", "large", frame);
        JsonPath viaRest = given().contentType("image/png").body(frame).post("/v1/infer")
                .then().statusCode(200).extract().jsonPath();

        assertFalse(reply.error(), reply.body().toString());
        assertEquals(viaRest.getInt("predictions[0].index"),
                reply.body().path("predictions").path(0).path("index").asInt());
        assertEquals(viaRest.getDouble("predictions[0].score"),
                reply.body().path("predictions").path(0).path("score").asDouble(), 1e-6);
    }

    /** An 800 x 800 RGB image of a test item with noise, which PNG cannot compress below 1 MiB. */
    private static BufferedImage noisyLargeImage() {
        BufferedImage image = TestImages.convert(9, BufferedImage.TYPE_INT_RGB, 800, 800);
        Random random = new Random(3);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) ^ (random.nextInt() & 0x1F1F1F);
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    private MqttTestClient.Reply expectErrorThenServe(String kind, String requestId, byte[] payload, String code,
            String metricKind, String outcome) throws Exception {
        double before = Metrics.requests(metricKind, outcome);

        MqttTestClient.Reply reply = client.request(kind, requestId, payload);
        MqttTestClient.Reply next = client.request("frames", requestId + "-next", TestImages.png(TestImages.gray(10)));

        assertTrue(reply.error(), "expected an error reply, got " + reply.body());
        assertEquals(code, reply.body().path("code").asText());
        assertEquals(requestId, reply.body().path("requestId").asText());
        assertFalse(reply.body().path("message").asText().isBlank());
        assertEquals(before + 1, Metrics.requests(metricKind, outcome));
        assertFalse(next.error(), "the frame after the bad input failed: " + next.body());
        assertEquals(TestImages.label(10), next.body().path("predictions").path(0).path("index").asInt());
        return reply;
    }
}
