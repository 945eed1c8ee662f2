package io.edgeinfer.transport.mqtt;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * An in-process MQTT 3.1.1 broker (Moquette 0.17), for boards that have no broker of their own.
 *
 * <p>It starts before the messaging channels connect, listens on loopback unless configured otherwise, keeps
 * nothing on disk, and has Moquette's telemetry off, because that reports to an outside host.
 */
@ApplicationScoped
public class EmbeddedBroker {

    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class);

    /** Before the model loads (900) and the messaging channels connect (1000). */
    private static final int STARTUP_PRIORITY = 800;

    /**
     * Runs after the MQTT connector closes its clients, which it does when the application context is destroyed
     * at the default observer priority. Stopping the broker earlier makes those clients try to reconnect.
     */
    private static final int SHUTDOWN_PRIORITY = 3000;

    /**
     * The running broker. Static because it is stopped from a static observer, which runs after this bean's
     * instance has been destroyed.
     */
    private static final AtomicReference<Server> RUNNING = new AtomicReference<>();

    private final MqttConfig config;

    public EmbeddedBroker(MqttConfig config) {
        this.config = config;
    }

    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event) {
        if (!config.startsEmbeddedBroker()) {
            LOG.debugf("Embedded broker off; the MQTT client connects to %s:%d", config.host().orElse("127.0.0.1"), config.port());
            return;
        }
        Server broker = new Server();
        try {
            broker.startServer(new MemoryConfig(properties()));
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded MQTT broker failed to start on "
                    + config.embeddedBrokerBindAddress() + ":" + config.port()
                    + "; free the port, set edgeinfer.mqtt.port, or use an external broker", e);
        }
        RUNNING.set(broker);
        LOG.infof("Embedded MQTT broker listening on %s:%d, maximum message size %d bytes",
                config.embeddedBrokerBindAddress(), config.port(), config.maxMessageSize());
    }

    static void stop(@Observes @Priority(SHUTDOWN_PRIORITY) @Destroyed(ApplicationScoped.class) Object event) {
        Server broker = RUNNING.getAndSet(null);
        if (broker != null) {
            broker.stopServer();
            LOG.info("Embedded MQTT broker stopped");
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.setProperty(BrokerConstants.HOST_PROPERTY_NAME, config.embeddedBrokerBindAddress());
        properties.setProperty(BrokerConstants.PORT_PROPERTY_NAME, Integer.toString(config.port()));
        properties.setProperty(BrokerConstants.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
        properties.setProperty(BrokerConstants.NETTY_MAX_BYTES_PROPERTY_NAME,
                Integer.toString(config.maxMessageSize()));
        properties.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        properties.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        // MQTT 3.1.1 lets a clean-session client send an empty client id for the broker to assign, as the
        // mosquitto_pub and mosquitto_sub tools do. Moquette rejects those clients unless this is on.
        // NOTE: Moquette 0.17 then treats every such client as one client, so a second one takes over the
        // first one's connection. Clients that run side by side need ids of their own.
        properties.setProperty(BrokerConstants.ALLOW_ZERO_BYTE_CLIENT_ID_PROPERTY_NAME, "true");
        properties.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        return properties;
    }
}
