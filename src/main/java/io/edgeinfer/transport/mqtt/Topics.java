package io.edgeinfer.transport.mqtt;

import io.smallrye.reactive.messaging.mqtt.ReceivingMqttMessageMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The topic layout {@code <prefix>/<device>/<kind>/<requestId>}: inputs arrive on {@code frames} and
 * {@code tensors}, and replies go to {@code results} and {@code errors} under the same request id.
 */
@ApplicationScoped
public class Topics {

    private final String devicePrefix;

    public Topics(MqttConfig config) {
        this.devicePrefix = config.topicPrefix() + "/" + config.deviceId() + "/";
    }

    public String result(String requestId) {
        return devicePrefix + "results/" + requestId;
    }

    public String error(String requestId) {
        return devicePrefix + "errors/" + requestId;
    }

    public String frames(String requestId) {
        return devicePrefix + "frames/" + requestId;
    }

    /** Returns the retained status topic, {@code <prefix>/<device>/status}. */
    public String status() {
        return devicePrefix + "status";
    }

    public String tensors(String requestId) {
        return devicePrefix + "tensors/" + requestId;
    }

    /** Returns the subscription filter for one kind, for example {@code edgeinfer/edge-1/results/+}. */
    public String filter(String kind) {
        return devicePrefix + kind + "/+";
    }

    /** Returns the topic an incoming message arrived on, or {@code fallback} when it carries no MQTT metadata. */
    public static String topicOf(Message<?> message, String fallback) {
        return message.getMetadata(ReceivingMqttMessageMetadata.class)
                .map(ReceivingMqttMessageMetadata::getTopic)
                .orElse(fallback);
    }

    /** Returns the last topic level, which carries the request id; empty when the topic ends in '/'. */
    public static String requestId(String topic) {
        return topic.substring(topic.lastIndexOf('/') + 1);
    }
}
