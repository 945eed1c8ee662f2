package io.edgeinfer.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits for the service under a {@code @QuarkusTest} to report ready at {@code /q/health/ready}, which includes the
 * state of its MQTT connection. Quarkus reports the start before the service has subscribed, and Moquette 0.17
 * sometimes closes a connection right after accepting it, so a message sent before readiness can be lost.
 */
public final class ServiceReadiness {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ServiceReadiness() {
    }

    /** Polls readiness every 100 ms, and fails the test if it is not up within 30 seconds. */
    public static void await() throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int status = given().get("/q/health/ready").statusCode();
        while (status != 200 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
            status = given().get("/q/health/ready").statusCode();
        }
        assertEquals(200, status, "the service did not become ready within " + TIMEOUT.toSeconds() + " s");
    }
}
