package io.edgeinfer.transport.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.testing.EmbeddedBrokerResource;
import io.edgeinfer.testing.Metrics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedBrokerResource.class)
class ModelsResourceTest {

    @Test
    void catalogListsFullVariant() {
        given().get("/v1/models")
                .then().statusCode(200)
                .body("variants.variant", hasItem("full"))
                .body("variants.find { it.variant == 'full' }.active", equalTo(true))
                .body("variants.find { it.variant == 'full' }.accuracy", greaterThan(0.915f))
                .body("variants.find { it.variant == 'full' }.parameters", greaterThan(0));
    }

    @Test
    void activeVariantIsServing() {
        given().get("/v1/models/active")
                .then().statusCode(200)
                .body("model", equalTo("fashion-mnist"))
                .body("variant", equalTo("full"))
                .body("state", equalTo("SERVING"));
    }

    @Test
    void readinessIncludesModel() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("model"));
    }

    @Test
    void activeVariantGaugeIsOne() {
        assertEquals(1.0, Metrics.value("edgeinfer_model_active{model=\"fashion-mnist\",variant=\"full\"}"));
    }

    @Test
    void queueDepthIsPublished() {
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("edgeinfer_request_queue_depth"));
    }
}
