package io.edgeinfer.cli.demo;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A plain MQTT 3.1.1 client, as a user of the service would run one: it publishes inputs and receives the
 * replies on the results and errors topics. Blocking methods wait on the Vert.x futures, so call them from a
 * worker or command thread, never from an event loop.
 */
public final class DemoClient implements AutoCloseable {

    private final MqttClient client;
    private final String host;
    private final int port;

    /**
     * @param maxMessageSize the largest message in bytes this client sends or accepts
     * @param maxInflight QoS 1 publishes that may await their acknowledgement at once
     */
    public DemoClient(Vertx vertx, String host, int port, int maxMessageSize, int maxInflight) {
        this.host = host;
        this.port = port;
        this.client = MqttClient.create(vertx, new MqttClientOptions()
                .setClientId("edgeinfer-demo-" + UUID.randomUUID().toString().substring(0, 8))
                .setMaxMessageSize(maxMessageSize)
                .setMaxInflightQueue(maxInflight)
                .setAutoKeepAlive(true)
                .setCleanSession(true));
    }

    /** Connects and subscribes to the reply topics at QoS 1; replies go to {@code onReply}. */
    public void connect(Consumer<MqttPublishMessage> onReply, Duration timeout, String... replyFilters)
            throws Exception {
        client.publishHandler(onReply::accept);
        await(client.connect(port, host), timeout, "connect to the MQTT broker at " + host + ":" + port);
        Map<String, Integer> filters = new java.util.LinkedHashMap<>();
        for (String filter : replyFilters) {
            filters.put(filter, MqttQoS.AT_LEAST_ONCE.value());
        }
        await(client.subscribe(filters), timeout, "subscribe to " + filters.keySet());
    }

    /** Publishes at QoS 1 and waits until the broker acknowledges it. */
    public void publish(String topic, byte[] payload, Duration timeout) throws Exception {
        await(client.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false), timeout,
                "publish to " + topic);
    }

    private static <T> T await(io.vertx.core.Future<T> future, Duration timeout, String action) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new java.util.concurrent.TimeoutException("Timed out after " + timeout.toSeconds() + " s trying to "
                    + action);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Failed to " + action + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    /**
     * Disconnects and waits up to 5 seconds for the connection to close, so that a client connecting next does not
     * overlap with this one's teardown in the broker.
     */
    public void close() {
        if (client.isConnected()) {
            try {
                client.disconnect().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // The broker may already have closed the connection; there is nothing left to release.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
