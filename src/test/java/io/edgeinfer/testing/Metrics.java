package io.edgeinfer.testing;

import static io.restassured.RestAssured.given;

/** Reads one value from the Prometheus text at /q/metrics. */
public final class Metrics {

    private Metrics() {
    }

    /**
     * Returns the value of the series whose line starts with {@code series}, for example
     * {@code edgeinfer_requests_total{kind="frame",outcome="success"}}, or 0 when it is absent.
     */
    public static double value(String series) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return 0;
    }

    /** Returns the request counter for one input kind and outcome. */
    public static double requests(String kind, String outcome) {
        return value("edgeinfer_requests_total{kind=\"" + kind + "\",outcome=\"" + outcome + "\"}");
    }
}
