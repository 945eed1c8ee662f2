package io.edgeinfer.transport.mqtt;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.mqtt.session.MqttClientSessionOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The MQTT client options that carry the last will. The SmallRye MQTT connector (4.33) has attributes for the will's
 * flag, QoS and retain bit but none for its topic or message, so they come from this bean, which
 * {@code client-options-name} in application.properties names. The connector then applies the attributes set in
 * application.properties (host, port, client id, sizes) on top of it.
 */
@ApplicationScoped
public class MqttClientOptions {

    /** The name application.properties gives in {@code mp.messaging.connector.smallrye-mqtt.client-options-name}. */
    public static final String NAME = "edgeinfer-mqtt";

    @Produces
    @Identifier(NAME)
    MqttClientSessionOptions options(Topics topics, MqttConfig config) {
        return new MqttClientSessionOptions()
                .setWillFlag(true)
                .setWillTopic(topics.status())
                .setWillMessage(StatusMessage.offline(config.deviceId()))
                .setWillQoS(1)
                .setWillRetain(true);
    }
}
