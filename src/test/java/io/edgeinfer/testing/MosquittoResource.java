package io.edgeinfer.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a real Mosquitto broker (Debian package {@code mosquitto}) on a free loopback port for the test run, and
 * points the service at it with the embedded broker off.
 */
public class MosquittoResource implements QuarkusTestResourceLifecycleManager {

    private static final long START_TIMEOUT_MILLIS = 10_000;

    private Process process;
    private Path workDir;
    private int port;

    /** Returns the listener and security lines of mosquitto.conf; the default is anonymous plain MQTT. */
    protected List<String> listener(Path dir, int listenerPort) throws IOException {
        return List.of("listener " + listenerPort + " 127.0.0.1", "allow_anonymous true");
    }

    /** Returns the service settings beyond host, port and the embedded broker; none by default. */
    protected Map<String, String> serviceSettings(Path dir) {
        return Map.of();
    }

    @Override
    public Map<String, String> start() {
        port = FreePorts.next();
        try {
            workDir = Files.createTempDirectory("mosquitto-test");
            List<String> lines = new ArrayList<>(listener(workDir, port));
            lines.add("persistence false");
            lines.add("log_dest file " + workDir.resolve("mosquitto.log"));
            lines.add("");
            Path config = workDir.resolve("mosquitto.conf");
            Files.writeString(config, String.join("\n", lines));
            process = new ProcessBuilder(binary(), "-c", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("stdout.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start mosquitto; install it with 'apt-get install mosquitto'", e);
        }
        awaitPort();
        Map<String, String> settings = new HashMap<>(serviceSettings(workDir));
        settings.put("edgeinfer.mqtt.host", "127.0.0.1");
        settings.put("edgeinfer.mqtt.port", Integer.toString(port));
        settings.put("edgeinfer.mqtt.embedded-broker", "false");
        return settings;
    }

    static String binary() {
        for (String candidate : new String[] {"/usr/sbin/mosquitto", "/usr/bin/mosquitto",
                "/usr/local/sbin/mosquitto"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "mosquitto";
    }

    private void awaitPort() {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited with " + process.exitValue() + "; see "
                        + workDir.resolve("stdout.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                sleepBriefly();
            }
        }
        throw new IllegalStateException("mosquitto did not listen on port " + port + " within "
                + START_TIMEOUT_MILLIS + " ms");
    }

    private static void sleepBriefly() {
        try {
            TimeUnit.MILLISECONDS.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
