package io.edgeinfer.cli;

import io.edgeinfer.cli.demo.BatteryDrainRun;
import io.edgeinfer.cli.demo.DemoClient;
import io.edgeinfer.cli.demo.DrainSummary;
import io.edgeinfer.cli.demo.TimelinePlot;
import io.edgeinfer.model.ModelManager;
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

    /** QoS 1 publishes the battery-drain client may have unacknowledged, the same as the swap benchmark's. */
    private static final int DRAIN_MAX_INFLIGHT = 4096;

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

    /** The demo scenarios. */
    enum Scenario {
        /** Send {@code --count} frames as fast as {@code --concurrency} allows. */
        steady,
        /** Drain a simulated battery from 100% to 5% and charge it back while frames flow at {@code --rate}. */
        battery_drain
    }

    @Option(names = "--scenario", paramLabel = "NAME", converter = ScenarioConverter.class,
            description = "steady: send --count frames as fast as --concurrency allows; battery-drain: drain a"
                    + " simulated battery from 100%% to 5%% and back over --duration while frames flow at --rate,"
                    + " and print each swap (default: steady).")
    Scenario scenario = Scenario.steady;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "battery-drain: length of the run; the battery drains in the first half and charges in the"
                    + " second. Below about 65 s the minimum dwell between swaps (edgeinfer.policy.min-dwell, 10 s)"
                    + " can skip the low band (default: ${DEFAULT-VALUE}).")
    int durationSeconds = 90;

    @Option(names = "--rate", paramLabel = "FRAMES_PER_SECOND",
            description = "battery-drain: frames sent per second (default: ${DEFAULT-VALUE}).")
    int rate = 50;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "battery-drain: the timeline PNG of battery, latency and variant to write"
                    + " (default: ${DEFAULT-VALUE}, relative to the working folder).")
    Path plot = Path.of("docs", "hot-swap-timeline.png");

    private final MqttConfig mqtt;
    private final Vertx vertx;
    private final ModelManager models;

    public DemoCommand(MqttConfig mqtt, Vertx vertx, ModelManager models) {
        this.mqtt = mqtt;
        this.vertx = vertx;
        this.models = models;
    }

    /** Reads {@code battery-drain} as well as the constant name. */
    static final class ScenarioConverter implements picocli.CommandLine.ITypeConverter<Scenario> {
        @Override
        public Scenario convert(String value) {
            try {
                return Scenario.valueOf(value.replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("Unknown scenario \"" + value
                        + "\"; use steady or battery-drain");
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        Dataset test = FashionMnist.test(data);
        List<DemoRun.Frame> frames = PngFrames.of(test, offset, count);
        String deviceTopic = mqtt.topicPrefix() + "/" + mqtt.deviceId();
        String host = mqtt.host().orElse("127.0.0.1");
        Duration timeout = Duration.ofSeconds(timeoutSeconds);

        AtomicReference<DemoRun> current = new AtomicReference<>();
        // The battery-drain scenario does not wait for replies between frames, so on a busy machine many QoS 1
        // acknowledgements can be outstanding at once.
        int maxInflight = scenario == Scenario.battery_drain ? DRAIN_MAX_INFLIGHT : Math.max(16, concurrency * 2);
        try (DemoClient client = new DemoClient(vertx, host, mqtt.port(), mqtt.maxMessageSize(), maxInflight)) {
            DemoTopics probeTopics = new DemoTopics(deviceTopic, "probe-" + shortId());
            BatteryDrainRun drain = scenario == Scenario.battery_drain ? new BatteryDrainRun(client, deviceTopic,
                    "drain-" + shortId(), frames, Duration.ofSeconds(durationSeconds), rate, timeout,
                    json ? null : spec.commandLine().getOut()) : null;
            client.connect(message -> {
                DemoRun run = current.get();
                if (run != null && !message.topicName().endsWith("/status")) {
                    run.onReply(message);
                }
                if (drain != null) {
                    drain.onMessage(message);
                }
            }, timeout, drain != null ? drain.filters() : probeTopics.replyFilters());
            awaitService(client, current, probeTopics, frames.get(0));
            if (drain != null) {
                return runDrain(drain, host);
            }

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

    private int runDrain(BatteryDrainRun drain, String host) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            out.printf("edgeinfer demo --scenario battery-drain: %d s at %d frames/s over MQTT (%s:%d, device %s)%n",
                    durationSeconds, rate, host, mqtt.port(), mqtt.deviceId());
            out.flush();
        }
        DrainSummary summary = drain.run();
        List<String> variants = models.catalog().variantsOf(models.defaultModel()).stream()
                .map(v -> v.id().variant()).toList();
        TimelinePlot.write(plot, "battery-drain", drain.timeline(), variants);
        summary = new DrainSummary(summary.durationSeconds(), summary.sent(), summary.results(), summary.errors(),
                summary.missing(), summary.latencyMillis(), summary.swaps(), summary.failures(), summary.variants(),
                plot.toString());
        out.print(json ? ManifestIo.toJson(summary) + "\n" : summary.toText());
        out.flush();
        return summary.missing() > 0 ? 1 : 0;
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
