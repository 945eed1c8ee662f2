package io.edgeinfer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeinfer.cli.demo.DemoClient;
import io.vertx.core.Vertx;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An MQTT client for tests that records every JSON message on some topic filters, publishes raw payloads, and
 * waits with a deadline for a message that matches.
 */
public final class TopicRecorder implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** One received message, and whether the broker delivered it as a retained message on subscription. */
    public record Received(String topic, JsonNode body, boolean retained) {
    }

    private final DemoClient client;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Received> received = new ArrayList<>();

    public TopicRecorder(Vertx vertx, String host, int port, String... filters) throws Exception {
        this.client = new DemoClient(vertx, host, port, 1024 * 1024, 64);
        client.connect(this::onMessage, TIMEOUT, filters);
    }

    private void onMessage(MqttPublishMessage message) {
        try {
            JsonNode body = json.readTree(message.payload().getBytes());
            synchronized (received) {
                received.add(new Received(message.topicName(), body, message.isRetain()));
            }
        } catch (IOException e) {
            synchronized (received) {
                received.add(new Received(message.topicName(), json.getNodeFactory().textNode("not JSON"),
                        message.isRetain()));
            }
        }
    }

    /** Publishes at QoS 1 and waits for the broker's acknowledgement. */
    public void publish(String topic, String payload) throws Exception {
        client.publish(topic, payload.getBytes(), TIMEOUT);
    }

    /**
     * Returns the first recorded message that matches, waiting up to {@code timeout} for one to arrive.
     *
     * @throws AssertionError with the messages seen, if none matches in time
     */
    public Received await(Predicate<Received> match, Duration timeout, String description)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (received) {
                for (Received message : received) {
                    if (match.test(message)) {
                        return message;
                    }
                }
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        synchronized (received) {
            throw new AssertionError("No message " + description + " within " + timeout.toSeconds()
                    + " s; received "
                    + received.subList(Math.max(0, received.size() - 5), received.size()));
        }
    }

    /** Forgets the messages received so far. */
    public void clear() {
        synchronized (received) {
            received.clear();
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
