package io.edgeinfer.transport.mqtt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The broker connection, topic layout and embedded broker ({@code edgeinfer.mqtt.*}).
 *
 * <p>The SmallRye MQTT channels in application.properties read the same keys, so the host, port and maximum
 * message size are set in one place.
 */
@ConfigMapping(prefix = "edgeinfer.mqtt")
public interface MqttConfig {

    /**
     * The broker to connect to. Unset means the embedded broker on 127.0.0.1. Setting it turns the embedded broker
     * off unless {@link #embeddedBroker()} is set to true.
     */
    Optional<String> host();

    /** The broker port, and the port the embedded broker listens on. */
    @WithDefault("1883")
    int port();

    /** The first topic level of every topic. */
    @WithDefault("edgeinfer")
    String topicPrefix();

    /** This device's id, the second topic level. */
    @WithDefault("edge-1")
    String deviceId();

    /**
     * The largest MQTT message in bytes, for both the client and the embedded broker. Larger messages make the
     * broker or the client close the connection without an error reply, so keep it above
     * {@code edgeinfer.inference.max-payload-bytes}.
     */
    @WithDefault("8388608")
    int maxMessageSize();

    /** How often the retained status is published, besides after every swap. */
    @WithDefault("10s")
    java.time.Duration statusInterval();

    /** Whether to start the embedded broker; unset means start it when {@link #host()} is unset. */
    Optional<Boolean> embeddedBroker();

    /** The address the embedded broker binds to; loopback by default so that nothing outside the board can reach it. */
    @WithDefault("127.0.0.1")
    String embeddedBrokerBindAddress();

    /** The user name for the broker, or unset to connect without one. */
    Optional<String> username();

    /** The password for {@link #username()}. The service never logs it. */
    Optional<String> password();

    /** TLS for the connection to an external broker ({@code edgeinfer.mqtt.tls.*}). */
    Tls tls();

    /** TLS settings of the broker connection. */
    interface Tls {

        /** Whether to connect with TLS; the broker's TLS port is usually 8883. */
        @WithDefault("false")
        boolean enabled();

        /** A PEM file with the certificate authorities to trust, or unset for the JVM's default trust store. */
        Optional<Path> caFile();

        /**
         * Whether the broker's certificate must name {@code edgeinfer.mqtt.host}. Turn it off only for a test
         * broker whose certificate names another host.
         */
        @WithDefault("true")
        boolean verifyHostname();
    }

    /** Returns whether the embedded broker should run, from the two settings above. */
    default boolean startsEmbeddedBroker() {
        return embeddedBroker().orElse(host().isEmpty());
    }
}
