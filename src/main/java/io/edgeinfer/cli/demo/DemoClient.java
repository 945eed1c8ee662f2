package io.edgeinfer.cli.demo;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * A plain MQTT 3.1.1 client, as a user of the service would run one: it publishes inputs and receives the
 * replies on the results and errors topics. Blocking methods wait on the Vert.x futures, so call them from a
 * worker or command thread, never from an event loop.
 *
 * <p>When the broker closes the connection, the client connects and subscribes again, up to
 * {@value #RECONNECT_ATTEMPTS} times, {@value #RECONNECT_DELAY_MILLIS} ms apart, and {@link #publish} waits for
 * it. Messages sent to it in between are lost. Moquette 0.17 sometimes closes a connection right after it was
 * accepted ("SUBSCRIBE received on already closed connection" in its log).
 */
public final class DemoClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DemoClient.class);
    private static final int RECONNECT_ATTEMPTS = 10;
    private static final long RECONNECT_DELAY_MILLIS = 200;

    private final Vertx vertx;
    private final MqttClient client;
    private final String host;
    private final int port;
    private final Map<String, Integer> filters = new LinkedHashMap<>();
    private volatile boolean closed;
    private volatile boolean started;
    private final AtomicBoolean reconnecting = new AtomicBoolean();

    /**
     * @param maxMessageSize the largest message in bytes this client sends or accepts
     * @param maxInflight QoS 1 publishes that may await their acknowledgement at once
     */
    public DemoClient(Vertx vertx, String host, int port, int maxMessageSize, int maxInflight) {
        this.vertx = vertx;
        this.host = host;
        this.port = port;
        this.client = MqttClient.create(vertx, new MqttClientOptions()
                .setClientId("edgeinfer-demo-" + UUID.randomUUID().toString().substring(0, 8))
                .setMaxMessageSize(maxMessageSize)
                .setMaxInflightQueue(maxInflight)
                .setAutoKeepAlive(true)
                .setCleanSession(true));
    }

    /** Connects and subscribes to the reply topics (QoS 1) and the status topic (QoS 0); messages go to {@code onReply}. */
    public void connect(Consumer<MqttPublishMessage> onReply, Duration timeout, String... replyFilters)
            throws Exception {
        client.publishHandler(onReply::accept);
        for (String filter : replyFilters) {
            filters.put(filter, subscriptionQos(filter).value());
        }
        client.closeHandler(ignored -> {
            if (started && reconnecting.compareAndSet(false, true)) {
                reconnect(1);
            }
        });
        await(client.connect(port, host), timeout, "connect to the MQTT broker at " + host + ":" + port);
        started = true;
        // The subscribe future completes when the request is sent, so a broker that closed the connection
        // meanwhile has dropped it; the reconnect subscribes again.
        await(client.subscribe(filters), timeout, "subscribe to " + filters.keySet());
        if (!client.isConnected() && reconnecting.compareAndSet(false, true)) {
            vertx.runOnContext(ignored -> reconnect(1));
        }
    }

    /**
     * Returns QoS 0 for the status topic and QoS 1 for replies. A lost status is replaced within seconds, and the
     * embedded broker (Moquette 0.17) can release a QoS 1 message twice when several subscribers acknowledge it.
     */
    static MqttQoS subscriptionQos(String filter) {
        return filter.endsWith("/status") ? MqttQoS.AT_MOST_ONCE : MqttQoS.AT_LEAST_ONCE;
    }

    private void reconnect(int attempt) {
        if (closed) {
            return;
        }
        LOG.warnf("The broker at %s:%d closed the connection of %s; reconnecting (attempt %d of %d)", host, port,
                client.clientId(), attempt, RECONNECT_ATTEMPTS);
        client.connect(port, host)
                .compose(ack -> client.subscribe(filters))
                .onSuccess(ignored -> reconnecting.set(false))
                .onFailure(error -> {
                    if (attempt < RECONNECT_ATTEMPTS && !closed) {
                        vertx.setTimer(RECONNECT_DELAY_MILLIS, id -> reconnect(attempt + 1));
                    } else {
                        reconnecting.set(false);
                        LOG.errorf("Failed to reconnect %s to %s:%d: %s", client.clientId(), host, port,
                                error.getMessage());
                    }
                });
    }

    /** Publishes at QoS 1, first waiting up to {@code timeout} for a lost connection to come back. */
    public void publish(String topic, byte[] payload, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!client.isConnected() && System.nanoTime() < deadline && !closed) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        if (!client.isConnected()) {
            throw new IllegalStateException("Failed to publish to " + topic + ": not connected to the MQTT broker at "
                    + host + ":" + port);
        }
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

    /**
     * Disconnects and waits up to 5 seconds for the connection to close, so that a client connecting next does not
     * overlap with this one's teardown in the broker.
     */
    @Override
    public void close() {
        closed = true;
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
