package io.edgeinfer.transport.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.smallrye.reactive.messaging.mqtt.SendingMqttMessageMetadata;
import java.util.concurrent.CompletableFuture;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes result and error replies, as JSON at QoS 1, to the topic of their request id, through the
 * {@code replies} channel.
 *
 * <p>A reply that cannot be sent (the channel's buffer is full or the broker does not acknowledge it) is logged
 * and counted in {@code edgeinfer.replies.failed}. It is never retried, because the request has already run.
 */
@ApplicationScoped
public class ReplyPublisher {

    private static final Logger LOG = Logger.getLogger(ReplyPublisher.class);

    /** Replies that may wait for the broker. The request queue takes fewer than this, so it fills first. */
    static final int BUFFER_SIZE = 4096;

    private final Emitter<byte[]> replies;
    private final ObjectMapper json;
    private final Counter failed;

    public ReplyPublisher(@Channel("replies") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER_SIZE)
            Emitter<byte[]> replies, ObjectMapper json, MeterRegistry registry) {
        this.replies = replies;
        this.json = json;
        this.failed = Counter.builder("edgeinfer.replies.failed")
                .description("MQTT replies that could not be published")
                .register(registry);
    }

    /** Publishes {@code body} as JSON to {@code topic}. Does not throw: a failure is logged and counted. */
    public void publish(String topic, Object body, String requestId) {
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            fail(requestId, topic, e);
            return;
        }
        Message<byte[]> message = Message.of(payload)
                .addMetadata(new SendingMqttMessageMetadata(topic, MqttQoS.AT_LEAST_ONCE, false))
                .withNack(error -> {
                    fail(requestId, topic, error);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            replies.send(message);
        } catch (RuntimeException e) {
            fail(requestId, topic, e);
        }
    }

    private void fail(String requestId, String topic, Throwable error) {
        failed.increment();
        LOG.errorf(error, "Failed to publish the reply to request %s on %s", requestId, topic);
    }
}
