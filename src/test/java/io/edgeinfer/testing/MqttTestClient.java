package io.edgeinfer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeinfer.cli.demo.DemoClient;
import io.vertx.core.Vertx;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An MQTT client for tests: publishes to the frames or tensors topic of a request id and waits for the reply
 * on results or errors. Threads may share one client, each waiting for its own request ids.
 */
public final class MqttTestClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A reply: whether it came on the errors topic, and its JSON body. */
    public record Reply(boolean error, JsonNode body) {
    }

    private final DemoClient client;
    private final String deviceTopic;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();

    /** Waits until the service under test is ready, then connects and subscribes to its reply topics. */
    public MqttTestClient(Vertx vertx, String host, int port, String deviceTopic) throws Exception {
        ServiceReadiness.await();
        this.deviceTopic = deviceTopic;
        this.client = new DemoClient(vertx, host, port, 16 * 1024 * 1024, 64);
        client.connect(this::onReply, TIMEOUT, deviceTopic + "/results/+", deviceTopic + "/errors/+");
    }

    private void onReply(MqttPublishMessage message) {
        String topic = message.topicName();
        String requestId = topic.substring(topic.lastIndexOf('/') + 1);
        try {
            Reply reply = new Reply(topic.contains("/errors/"), json.readTree(message.payload().getBytes()));
            pending.computeIfAbsent(requestId, id -> new CompletableFuture<>()).complete(reply);
        } catch (IOException e) {
            throw new UncheckedIOException("Reply on " + topic + " is not JSON", e);
        }
    }

    /** Publishes to {@code <device>/<kind>/<requestId>} and returns the reply. */
    public Reply request(String kind, String requestId, byte[] payload) throws Exception {
        CompletableFuture<Reply> reply = pending.computeIfAbsent(requestId, id -> new CompletableFuture<>());
        synchronized (client) {
            client.publish(deviceTopic + "/" + kind + "/" + requestId, payload, TIMEOUT);
        }
        return reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        client.close();
    }
}
