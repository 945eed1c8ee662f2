package io.edgeinfer.cli;

import io.edgeinfer.cli.bench.ResidentMemory;
import io.edgeinfer.cli.bench.SteadyLoad;
import io.edgeinfer.cli.bench.SwapBenchResult;
import io.edgeinfer.cli.demo.DemoClient;
import io.edgeinfer.cli.demo.DemoRun;
import io.edgeinfer.cli.demo.PngFrames;
import io.edgeinfer.compression.data.FashionMnist;
import io.edgeinfer.model.LoadedModel;
import io.edgeinfer.model.MachineInfo;
import io.edgeinfer.model.ManifestIo;
import io.edgeinfer.model.ModelManager;
import io.edgeinfer.policy.SwapController;
import io.edgeinfer.transport.mqtt.MqttConfig;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Measures hot swap under a steady MQTT load in one run: the p99 publish-to-reply latency of frames sent while
 * swaps run against frames sent while none does, and resident memory after the first and the last swap. Steady
 * phases and swap phases alternate over several rounds, and both comparisons are ratios within the run, so that
 * other work on a shared machine weighs on both sides alike.
 */
@Command(name = "swap", mixinStandardHelpOptions = true,
        description = "Swap two variants back and forth under a steady MQTT load, and compare p99 latency with the"
                + " steady state and resident memory after the last swap with the first.")
public class BenchSwapCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(BenchSwapCommand.class);
    private static final Duration WARMUP = Duration.ofSeconds(3);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Option(names = "--swaps", description = "Swaps to run (default: ${DEFAULT-VALUE}).")
    int swaps = 50;

    @Option(names = "--rate", paramLabel = "FRAMES_PER_SECOND",
            description = "Frames sent per second in both phases (default: ${DEFAULT-VALUE}).")
    int rate = 50;

    @Option(names = "--steady", paramLabel = "SECONDS",
            description = "Total length of the steady phases, split evenly over the rounds (default:"
                    + " ${DEFAULT-VALUE}).")
    int steadySeconds = 20;

    @Option(names = "--rounds", description = "Rounds of a steady phase followed by a share of the swaps, so that"
            + " noise from other work on the machine falls on both phases alike (default: ${DEFAULT-VALUE}).")
    int rounds = 5;

    @Option(names = "--pause", paramLabel = "MILLISECONDS",
            description = "Wait between one swap's end and the next swap (default: ${DEFAULT-VALUE}).")
    int pauseMillis = 200;

    @Option(names = "--variants", split = ",", paramLabel = "A,B",
            description = "The two variants to swap (default: the variant in service and the next in the catalog).")
    List<String> variants;

    @Option(names = "--data", paramLabel = "DIR", description = "Fashion-MNIST IDX files (default: ${DEFAULT-VALUE}).")
    Path data = FashionMnist.DEFAULT_DIR;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    private final MqttConfig mqtt;
    private final Vertx vertx;
    private final ModelManager models;
    private final SwapController controller;

    public BenchSwapCommand(MqttConfig mqtt, Vertx vertx, ModelManager models, SwapController controller) {
        this.mqtt = mqtt;
        this.vertx = vertx;
        this.models = models;
        this.controller = controller;
    }

    @Override
    public Integer call() throws Exception {
        List<String> pair = pair();
        List<DemoRun.Frame> frames = PngFrames.of(FashionMnist.test(data), 0, 500);
        controller.pin(pair.get(0)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        String deviceTopic = mqtt.topicPrefix() + "/" + mqtt.deviceId();

        try (DemoClient client = new DemoClient(vertx, mqtt.host().orElse("127.0.0.1"), mqtt.port(),
                mqtt.maxMessageSize(), 4096)) {
            SteadyLoad load = new SteadyLoad(client, deviceTopic, "bench-" + UUID.randomUUID().toString()
                    .substring(0, 8), frames, rate);
            client.connect(load::onReply, TIMEOUT, load.filters());
            SteadyLoad.Phase warmup = new SteadyLoad.Phase("warmup");
            SteadyLoad.Phase steady = new SteadyLoad.Phase("steady");
            SteadyLoad.Phase swapping = new SteadyLoad.Phase("swapping");
            load.start(warmup);
            TimeUnit.MILLISECONDS.sleep(WARMUP.toMillis());

            List<Double> rss = new ArrayList<>();
            List<Double> heap = new ArrayList<>();
            long steadyNanos = 0;
            long swapNanos = 0;
            for (int round = 0; round < rounds; round++) {
                int swapsThisRound = swaps * (round + 1) / rounds - swaps * round / rounds;
                LOG.infof("Round %d of %d: %d s steady, then %d swaps between %s", round + 1, rounds,
                        steadySeconds / rounds, swapsThisRound, pair);
                load.enter(steady);
                long steadyStart = System.nanoTime();
                TimeUnit.MILLISECONDS.sleep(steadySeconds * 1000L / rounds);

                load.enter(swapping);
                long swapStart = System.nanoTime();
                runSwaps(pair, swapsThisRound, rss, heap);
                swapNanos += System.nanoTime() - swapStart;
                steadyNanos += swapStart - steadyStart;
            }
            load.enter(new SteadyLoad.Phase("tail"));
            load.stop(TIMEOUT);

            SwapBenchResult result = result(pair, steady, swapping, rss, heap, steadyNanos / 1e9, swapNanos / 1e9);
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? ManifestIo.toJson(result) + "\n" : result.toText());
            out.flush();
            boolean lost = steady.sent() + swapping.sent() > steady.results() + swapping.results();
            return lost ? 1 : 0;
        } finally {
            controller.unpin();
        }
    }

    private List<String> pair() {
        List<String> known = models.catalog().variantsOf(models.defaultModel()).stream()
                .map(v -> v.id().variant()).toList();
        if (variants != null) {
            if (variants.size() != 2 || !known.containsAll(variants)) {
                throw new IllegalArgumentException("--variants needs two of " + known + ", not " + variants);
            }
            return variants;
        }
        if (known.size() < 2) {
            throw new IllegalArgumentException("The catalog has " + known + " for model " + models.defaultModel()
                    + "; the swap benchmark needs two variants. Point EDGEINFER_MODEL_DIR at a models folder with"
                    + " two or more.");
        }
        String active = models.active().map(m -> m.id().variant()).orElse(known.get(0));
        String other = known.stream().filter(v -> !v.equals(active)).findFirst().orElseThrow();
        return List.of(active, other);
    }

    /**
     * Runs {@code count} swaps and adds the RSS and the committed Java heap in MiB after each one, once its old
     * variant has closed.
     */
    private void runSwaps(List<String> pair, int count, List<Double> rss, List<Double> heap) throws Exception {
        for (int n = 0; n < count; n++) {
            int i = rss.size() + 1;
            String target = pair.get(i % 2);
            LoadedModel previous = models.active().orElseThrow();
            controller.pin(target).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!models.active().map(m -> m.id().variant().equals(target)).orElse(false)) {
                throw new IllegalStateException("Swap " + i + " to " + target + " failed: "
                        + controller.status().lastFailure());
            }
            if (!previous.awaitClosed(TIMEOUT)) {
                LOG.warnf("Variant %s did not close within %s after swap %d", previous.id(), TIMEOUT, i);
            }
            rss.add(ResidentMemory.bytes() / 1048576.0);
            heap.add(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1048576.0);
            TimeUnit.MILLISECONDS.sleep(pauseMillis);
        }
    }

    private SwapBenchResult result(List<String> pair, SteadyLoad.Phase steady, SteadyLoad.Phase swapping,
            List<Double> rss, List<Double> heap, double steadySecondsMeasured, double swapSeconds) {
        SwapBenchResult.PhaseResult steadyResult = phase(steady, steadySecondsMeasured);
        SwapBenchResult.PhaseResult swapResult = phase(swapping, swapSeconds);
        double first = rss.get(0);
        double last = rss.get(rss.size() - 1);
        return new SwapBenchResult(MachineInfo.describe(), pair, rate, steadyResult, swapResult, rss.size(),
                swapResult.p99Millis() / steadyResult.p99Millis(), first, last, last / first, rss, heap.get(0),
                heap.get(heap.size() - 1));
    }

    private static SwapBenchResult.PhaseResult phase(SteadyLoad.Phase phase, double seconds) {
        int missing = phase.sent() - phase.results() - phase.errors();
        return new SwapBenchResult.PhaseResult(seconds, phase.sent(), phase.results(), phase.errors(), missing,
                phase.percentileMillis(50), phase.percentileMillis(99), phase.maxMillis());
    }
}
