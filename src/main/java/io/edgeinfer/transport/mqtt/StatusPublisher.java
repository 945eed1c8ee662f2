package io.edgeinfer.transport.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeinfer.model.ModelManager;
import io.edgeinfer.policy.PolicyInputs;
import io.edgeinfer.policy.PolicyStatus;
import io.edgeinfer.policy.SwapController;
import io.edgeinfer.policy.SwapRecord;
import io.edgeinfer.telemetry.LatencyWindow;
import io.edgeinfer.telemetry.SysfsTelemetry;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.mqtt.SendingMqttMessageMetadata;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.ConfigProvider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes the retained status ({@link StatusMessage}) through the {@code status} channel: at start, after every
 * swap, and every {@code edgeinfer.mqtt.status-interval}. When the service stops, it replaces the status with
 * {@link StatusMessage#offline}. A status that cannot be sent is logged, and the next one replaces it.
 *
 * <p>The status goes at QoS 1, because the embedded broker (Moquette 0.17) does not retain QoS 0 messages, which MQTT
 * 3.1.1 allows. Moquette can release a QoS 1 message twice when several subscribers acknowledge it, so subscribers
 * to the status there should subscribe at QoS 0; the demo and test clients do.
 */
@ApplicationScoped
public class StatusPublisher {

    private static final Logger LOG = Logger.getLogger(StatusPublisher.class);
    private static final Duration OFFLINE_TIMEOUT = Duration.ofSeconds(2);

    private final Emitter<byte[]> status;
    private final ObjectMapper json;
    private final Topics topics;
    private final MqttConfig config;
    private final ModelManager models;
    private final SwapController controller;
    private final PolicyInputs inputs;
    private final SysfsTelemetry sysfs;
    private final Vertx vertx;
    private long timerId = -1;

    public StatusPublisher(@Channel("status") @OnOverflow(value = OnOverflow.Strategy.DROP) Emitter<byte[]> status,
            ObjectMapper json, Topics topics, MqttConfig config, ModelManager models, SwapController controller,
            PolicyInputs inputs, SysfsTelemetry sysfs, Vertx vertx) {
        this.status = status;
        this.json = json;
        this.topics = topics;
        this.config = config;
        this.models = models;
        this.controller = controller;
        this.inputs = inputs;
        this.sysfs = sysfs;
        this.vertx = vertx;
    }

    /**
     * Starts publishing when the status channel is on. Static, so that the toolkit commands, which turn the channel
     * off, never create this bean and its emitter, which would fail without the channel.
     */
    static void onStart(@Observes StartupEvent event, Instance<StatusPublisher> publisher) {
        if (ConfigProvider.getConfig().getOptionalValue("mp.messaging.outgoing.status.enabled", Boolean.class)
                .orElse(true)) {
            publisher.get().start();
        }
    }

    void start() {
        publish();
        timerId = vertx.setPeriodic(Math.max(100, config.statusInterval().toMillis()), id -> publish());
    }

    void onStop(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        publishOffline();
    }

    /**
     * Replaces the retained status with the offline one and waits up to {@link #OFFLINE_TIMEOUT} for the broker, so
     * that a clean stop, which sends no last will, does not leave the device shown as online.
     */
    void publishOffline() {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        byte[] payload = StatusMessage.offline(config.deviceId()).getBytes(StandardCharsets.UTF_8);
        try {
            status.send(retained(payload)
                    .withAck(() -> {
                        acknowledged.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(error -> {
                        acknowledged.completeExceptionally(error);
                        return CompletableFuture.completedFuture(null);
                    }));
            acknowledged.get(OFFLINE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.infof("Published the offline status of %s to %s", config.deviceId(), topics.status());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warnf("Failed to publish the offline status to %s: %s; subscribers keep the last online status",
                    topics.status(), e instanceof ExecutionException ? e.getCause().getMessage() : e.toString());
        }
    }

    void onSwap(@Observes(notifyObserver = Reception.IF_EXISTS) SwapRecord swap) {
        publish();
    }

    /** Builds and sends the status now; a failure is logged instead of thrown. */
    public void publish() {
        try {
            byte[] payload = json.writeValueAsBytes(build());
            Message<byte[]> message = retained(payload)
                    .withNack(error -> {
                        LOG.warnf("Failed to publish the status to %s: %s", topics.status(), error.getMessage());
                        return CompletableFuture.completedFuture(null);
                    });
            status.send(message);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("Failed to publish the status to %s: %s", topics.status(), e.getMessage());
        }
    }

    private Message<byte[]> retained(byte[] payload) {
        return Message.of(payload)
                .addMetadata(new SendingMqttMessageMetadata(topics.status(), MqttQoS.AT_LEAST_ONCE, true));
    }

    /** Returns the status as of now. */
    public StatusMessage build() {
        PolicyStatus policy = controller.status();
        StatusMessage.Battery battery = inputs.battery()
                .map(b -> new StatusMessage.Battery(b.level(), b.charging(), b.source().tag())).orElse(null);
        LatencyWindow window = inputs.endToEnd();
        StatusMessage.Latency latency = window.count() == 0 ? null : new StatusMessage.Latency(
                window.percentileMillis(50).orElse(0), window.percentileMillis(95).orElse(0),
                window.percentileMillis(99).orElse(0), window.count());
        double celsius = sysfs.cpuCelsius();
        return new StatusMessage("online", config.deviceId(), models.defaultModel(),
                models.active().map(m -> m.id().variant()).orElse(null), policy.pinned(), policy.band(), battery,
                latency, Double.isNaN(celsius) ? null : celsius, policy.lastSwap(), policy.lastFailure(),
                Instant.now().toString());
    }
}
