package io.edgeinfer.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Runs the service's own embedded broker on a free loopback port, so tests never collide on 1883. */
public class EmbeddedBrokerResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "edgeinfer.mqtt.port", Integer.toString(FreePorts.next()),
                "edgeinfer.mqtt.embedded-broker", "true");
    }

    @Override
    public void stop() {
        // The service stops its embedded broker itself.
    }
}
