package io.edgeinfer.transport.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.testing.EmbeddedBrokerResource;
import io.edgeinfer.testing.Metrics;
import io.edgeinfer.testing.TestImages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
class InferResourceTest {

    @Test
    void pngFrameReturnsTopFive() {
        given().contentType("image/png").body(TestImages.png(TestImages.gray(0)))
                .header("X-Request-Id", "rest-png-0")
                .when().post("/v1/infer")
                .then().statusCode(200)
                .header("X-Request-Id", "rest-png-0")
                .body("requestId", equalTo("rest-png-0"))
                .body("model", equalTo("fashion-mnist"))
                .body("variant", equalTo("full"))
                .body("predictions", hasSize(5))
                .body("predictions[0].label", equalTo("Ankle boot"))
                .body("predictions[0].index", equalTo(TestImages.label(0)))
                .body("latencyMillis.total", notNullValue());
    }

    @Test
    void jsonTensorReturnsSameLabel() {
        given().contentType("application/json").body(TestImages.tensorJson(1))
                .when().post("/v1/infer?topK=3")
                .then().statusCode(200)
                .body("predictions", hasSize(3))
                .body("predictions[0].index", equalTo(TestImages.label(1)));
    }

    @Test
    void emptyBodyIsRejected() {
        expectError(new byte[0], "image/png", 400, "EMPTY_PAYLOAD");
    }

    @Test
    void randomBytesAreRejected() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        expectError(noise, "application/octet-stream", 400, "INVALID_IMAGE");
    }

    @Test
    void truncatedJpegIsRejected() {
        byte[] jpeg = TestImages.jpeg(TestImages.convert(2, BufferedImage.TYPE_3BYTE_BGR, 28, 28));
        expectError(Arrays.copyOf(jpeg, jpeg.length / 2), "image/jpeg", 400, "INVALID_IMAGE");
    }

    @Test
    void wrongTensorShapeIsRejected() {
        String tensor = "{\"shape\":[27,28,1],\"data\":[" + "0.5,".repeat(27 * 28 - 1) + "0.5]}";
        expectError(tensor.getBytes(), "application/json", 400, "WRONG_SHAPE");
    }

    @Test
    void oversizedPayloadIsRejected() {
        byte[] big = new byte[4 * 1024 * 1024 + 1];
        expectError(big, "image/png", 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void unknownModelIsRejected() {
        given().contentType("image/png").body(TestImages.png(TestImages.gray(0)))
                .when().post("/v1/infer?model=no-such-model")
                .then().statusCode(404)
                .body("code", equalTo("UNKNOWN_MODEL"))
                .body("message", org.hamcrest.Matchers.containsString("no-such-model"));
    }

    @Test
    void zeroTopKIsRejected() {
        given().contentType("image/png").body(TestImages.png(TestImages.gray(0)))
                .when().post("/v1/infer?topK=0")
                .then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
    }

    @Test
    void errorsAreCountedAndServiceKeepsServing() {
        double invalidBefore = Metrics.requests("frame", "invalid_image");
        double successBefore = Metrics.requests("frame", "success");

        expectError("not an image".getBytes(), "image/png", 400, "INVALID_IMAGE");
        given().contentType("image/png").body(TestImages.png(TestImages.gray(3)))
                .when().post("/v1/infer")
                .then().statusCode(200)
                .body("predictions[0].index", equalTo(TestImages.label(3)));

        assertEquals(invalidBefore + 1, Metrics.requests("frame", "invalid_image"));
        assertEquals(successBefore + 1, Metrics.requests("frame", "success"));
    }

    @Test
    void inferenceTimerIsTaggedByVariant() {
        given().contentType("image/png").body(TestImages.png(TestImages.gray(4))).post("/v1/infer");
        double count = Metrics.value(
                "edgeinfer_inference_latency_seconds_count{model=\"fashion-mnist\",outcome=\"success\",variant=\"full\"}");
        org.junit.jupiter.api.Assertions.assertTrue(count >= 1, "inference timer count is " + count);
    }

    private static void expectError(byte[] body, String contentType, int status, String code) {
        given().contentType(contentType).body(body).header("X-Request-Id", "bad-" + code)
                .when().post("/v1/infer")
                .then().statusCode(status)
                .body("code", equalTo(code))
                .body("requestId", equalTo("bad-" + code))
                .body("message", notNullValue());
    }
}
