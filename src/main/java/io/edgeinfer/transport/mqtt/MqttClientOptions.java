package io.edgeinfer.transport.mqtt;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.mqtt.session.MqttClientSessionOptions;
import io.vertx.core.net.PemTrustOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The MQTT client options that carry the last will, the credentials and TLS. The SmallRye MQTT connector (4.33) has
 * attributes for the will's flag, QoS and retain bit but none for its topic or message, so they come from this bean,
 * which {@code client-options-name} in application.properties names. The connector then applies the attributes set
 * in application.properties (host, port, client id, sizes) on top of it.
 */
@ApplicationScoped
public class MqttClientOptions {

    /** The name application.properties gives in {@code mp.messaging.connector.smallrye-mqtt.client-options-name}. */
    public static final String NAME = "edgeinfer-mqtt";

    private static final Logger LOG = Logger.getLogger(MqttClientOptions.class);

    /** The connector requests the options once per channel, so the settings are logged the first time only. */
    private final AtomicBoolean logged = new AtomicBoolean();

    @Produces
    @Identifier(NAME)
    MqttClientSessionOptions options(Topics topics, MqttConfig config) {
        MqttClientSessionOptions options = new MqttClientSessionOptions()
                .setWillFlag(true)
                .setWillTopic(topics.status())
                .setWillMessage(StatusMessage.offline(config.deviceId()))
                .setWillQoS(1)
                .setWillRetain(true);
        config.username().ifPresent(options::setUsername);
        config.password().ifPresent(options::setPassword);
        if (config.tls().enabled()) {
            configureTls(options, config.tls());
        }
        if (logged.compareAndSet(false, true)) {
            LOG.infof("MQTT client %s: user %s, TLS %s", config.deviceId(), config.username().orElse("(none)"),
                    describeTls(config.tls()));
        }
        return options;
    }

    private static void configureTls(MqttClientSessionOptions options, MqttConfig.Tls tls) {
        // TODO: client certificates (mutual TLS) are not configurable yet, so brokers that require them reject
        // the connection.
        options.setSsl(true);
        tls.caFile().ifPresent(ca -> {
            if (!Files.isReadable(ca)) {
                throw new IllegalStateException("edgeinfer.mqtt.tls.ca-file " + ca + " is missing or not readable;"
                        + " point it at the PEM certificate of the broker's certificate authority");
            }
            options.setTrustOptions(new PemTrustOptions().addCertPath(ca.toString()));
        });
        // Vert.x rejects a TLS connection without an algorithm, and an empty one turns the check off.
        options.setHostnameVerificationAlgorithm(tls.verifyHostname() ? "HTTPS" : "");
    }

    private static String describeTls(MqttConfig.Tls tls) {
        if (!tls.enabled()) {
            return "off";
        }
        return "on, trusting " + tls.caFile().map(Path::toString).orElse("the JVM's default certificate authorities")
                + (tls.verifyHostname() ? "" : ", host name not verified");
    }
}
