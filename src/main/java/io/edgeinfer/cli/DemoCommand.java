package io.edgeinfer.cli;

import io.edgeinfer.cli.demo.DemoClient;
import io.edgeinfer.cli.demo.DemoRun;
import io.edgeinfer.cli.demo.DemoSummary;
import io.edgeinfer.cli.demo.DemoTopics;
import io.edgeinfer.cli.demo.PngFrames;
import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.data.FashionMnist;
import io.edgeinfer.model.ManifestIo;
import io.edgeinfer.transport.mqtt.MqttConfig;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The end-to-end demo: with the service running in this process, an MQTT client sends Fashion-MNIST test
 * images as PNG frames and checks every reply against the true label.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the service, send Fashion-MNIST test images over MQTT and report accuracy, latency"
                + " and missing replies. Exits with 1 if any reply is missing.")
public class DemoCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(DemoCommand.class);

    /** How long the demo waits for the service to answer its first probe frame. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Option(names = {"-n", "--count"}, description = "Test images to send (default: ${DEFAULT-VALUE}).")
    int count = 1000;

    @Option(names = "--offset", description = "Index of the first test image (default: ${DEFAULT-VALUE}).")
    int offset = 0;

    @Option(names = "--concurrency", description = "Frames awaiting a reply at once (default: ${DEFAULT-VALUE}).")
    int concurrency = 16;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Wait this long for outstanding replies before counting them missing"
                    + " (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds = 30;

    @Option(names = "--data", paramLabel = "DIR", description = "Fashion-MNIST IDX files (default: ${DEFAULT-VALUE}).")
    Path data = FashionMnist.DEFAULT_DIR;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    private final MqttConfig mqtt;
    private final Vertx vertx;

    public DemoCommand(MqttConfig mqtt, Vertx vertx) {
        this.mqtt = mqtt;
        this.vertx = vertx;
    }

    @Override
    public Integer call() throws Exception {
        Dataset test = FashionMnist.test(data);
        List<DemoRun.Frame> frames = PngFrames.of(test, offset, count);
        String deviceTopic = mqtt.topicPrefix() + "/" + mqtt.deviceId();
        String host = mqtt.host().orElse("127.0.0.1");
        Duration timeout = Duration.ofSeconds(timeoutSeconds);

        AtomicReference<DemoRun> current = new AtomicReference<>();
        try (DemoClient client = new DemoClient(vertx, host, mqtt.port(), mqtt.maxMessageSize(),
                Math.max(16, concurrency * 2))) {
            DemoTopics probeTopics = new DemoTopics(deviceTopic, "probe-" + shortId());
            client.connect(message -> {
                DemoRun run = current.get();
                if (run != null) {
                    run.onReply(message);
                }
            }, timeout, probeTopics.replyFilters());
            awaitService(client, current, probeTopics, frames.get(0));

            LOG.infof("Sending %d frames to %s:%d with %d in flight", frames.size(), host, mqtt.port(), concurrency);
            DemoRun run = new DemoRun(client, new DemoTopics(deviceTopic, "demo-" + shortId()), frames, concurrency,
                    timeout);
            current.set(run);
            DemoSummary summary = run.run();
            print(summary, host);
            return summary.missing() > 0 || summary.sent() < summary.images() ? 1 : 0;
        }
    }

    /** Sends one probe frame at a time until the service answers, so that no demo frame is sent before it listens. */
    private void awaitService(DemoClient client, AtomicReference<DemoRun> current, DemoTopics probeTopics,
            DemoRun.Frame probe) throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            DemoRun run = new DemoRun(client, probeTopics, List.of(probe), 1, Duration.ofMillis(500));
            current.set(run);
            DemoSummary summary = run.run();
            if (summary.missing() == 0) {
                return;
            }
            LOG.debugf("Probe %d got no reply yet", attempt);
        }
        throw new IllegalStateException("The service did not answer a probe frame within "
                + READY_TIMEOUT.toSeconds() + " s; check the log above for a failed model load or MQTT error");
    }

    private void print(DemoSummary summary, String host) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ManifestIo.toJson(summary));
        } else {
            out.printf("edgeinfer demo: %d Fashion-MNIST test images as PNG frames over MQTT (%s:%d, device %s)%n",
                    summary.images(), host, mqtt.port(), mqtt.deviceId());
            out.print(summary.toText());
        }
        out.flush();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
