package io.edgeinfer.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.jboss.logging.Logger;

/**
 * The battery-drain scenario: for the first half of the run the simulated battery drains from 100% to 5% on
 * battery power, and for the second half it charges back to 100%. Meanwhile frames flow at a steady rate. Swaps are
 * read from the retained status topic, and every reply is checked against its true label.
 */
public final class BatteryDrainRun {

    private static final Logger LOG = Logger.getLogger(BatteryDrainRun.class);
    private static final double FULL = 1.0;
    private static final double EMPTY = 0.05;
    private static final long BATTERY_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final DemoClient client;
    private final String deviceTopic;
    private final String runId;
    private final List<DemoRun.Frame> frames;
    private final Duration duration;
    private final int ratePerSecond;
    private final Duration replyTimeout;
    private final PrintWriter swapLog;
    private final ObjectMapper json = new ObjectMapper();

    private final Map<Integer, Long> pending = new ConcurrentHashMap<>();
    private final TimelineRecorder timeline = new TimelineRecorder();
    private final Histogram latencyMicros = new Histogram(3_600_000_000L, 3);
    private final Map<String, int[]> byVariant = new TreeMap<>();
    private final List<DrainSummary.Swap> swaps = new ArrayList<>();
    private final List<DrainSummary.Failure> failures = new ArrayList<>();
    private String lastSwapAt;
    private String lastFailureAt;
    private int results;
    private int errors;
    private volatile long startNanos;

    /** @param swapLog where each swap is printed as it happens, or null to print nothing */
    public BatteryDrainRun(DemoClient client, String deviceTopic, String runId, List<DemoRun.Frame> frames,
            Duration duration, int ratePerSecond, Duration replyTimeout, PrintWriter swapLog) {
        this.client = client;
        this.deviceTopic = deviceTopic;
        this.runId = runId;
        this.frames = frames;
        this.duration = duration;
        this.ratePerSecond = ratePerSecond;
        this.replyTimeout = replyTimeout;
        this.swapLog = swapLog;
    }

    /** Returns the topic filters the client must subscribe to before {@link #run()}. */
    public String[] filters() {
        return new String[] {deviceTopic + "/results/+", deviceTopic + "/errors/+", deviceTopic + "/status"};
    }

    /** Sends frames and battery readings for the whole duration, waits for the replies, and returns the summary. */
    public DrainSummary run() throws Exception {
        startNanos = System.nanoTime();
        long endNanos = startNanos + duration.toNanos();
        long nextBattery = startNanos;
        int sent = 0;
        for (long now = System.nanoTime(); now < endNanos; now = System.nanoTime()) {
            if (now >= nextBattery) {
                publishBattery(now);
                nextBattery += BATTERY_PERIOD_NANOS;
            }
            long due = (now - startNanos) * ratePerSecond / 1_000_000_000L;
            while (sent < due) {
                pending.put(sent, System.nanoTime());
                client.publish(deviceTopic + "/frames/" + runId + "-" + sent, frames.get(sent % frames.size())
                        .payload(), replyTimeout);
                sent++;
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        awaitReplies();
        return summarize(sent);
    }

    private void publishBattery(long nowNanos) throws Exception {
        double fraction = Math.min(1.0, (nowNanos - startNanos) / (double) duration.toNanos());
        boolean charging = fraction >= 0.5;
        double level = charging ? EMPTY + (FULL - EMPTY) * (fraction - 0.5) * 2 : FULL - (FULL - EMPTY) * fraction * 2;
        level = Math.round(level * 1000) / 1000.0;
        timeline.battery(seconds(nowNanos), level);
        client.publish(deviceTopic + "/telemetry/battery",
                ("{\"level\":" + level + ",\"charging\":" + charging + "}").getBytes(), replyTimeout);
    }

    /** Handles one message on the client's event loop. */
    public void onMessage(MqttPublishMessage message) {
        String topic = message.topicName();
        JsonNode body;
        try {
            body = json.readTree(message.payload().getBytes());
        } catch (IOException e) {
            LOG.errorf("Message on %s is not valid JSON: %s", topic, e.getMessage());
            return;
        }
        if (topic.endsWith("/status")) {
            onStatus(body);
            return;
        }
        String requestId = topic.substring(topic.lastIndexOf('/') + 1);
        if (!requestId.startsWith(runId + "-")) {
            return;
        }
        int index = Integer.parseInt(requestId.substring(runId.length() + 1));
        Long sentAt = pending.remove(index);
        if (sentAt == null) {
            return;
        }
        long now = System.nanoTime();
        synchronized (this) {
            latencyMicros.recordValue(Math.max(1, (now - sentAt) / 1000));
            if (topic.contains("/errors/")) {
                errors++;
                return;
            }
            results++;
            String variant = body.path("variant").asText();
            int[] counts = byVariant.computeIfAbsent(variant, v -> new int[2]);
            counts[0]++;
            if (body.path("predictions").path(0).path("index").asInt(-1) == frames.get(index % frames.size())
                    .label()) {
                counts[1]++;
            }
            timeline.reply(seconds(now), (now - sentAt) / 1e6, variant);
        }
    }

    private synchronized void onStatus(JsonNode status) {
        double at = startNanos == 0 ? 0 : seconds(System.nanoTime());
        JsonNode swap = status.path("lastSwap");
        if (swap.isObject() && !swap.path("at").asText().equals(lastSwapAt)) {
            boolean first = lastSwapAt == null;
            lastSwapAt = swap.path("at").asText();
            if (!first || startNanos != 0) {
                recordSwap(at, swap, status);
            }
        }
        JsonNode failure = status.path("lastFailure");
        if (failure.isObject() && !failure.path("at").asText().equals(lastFailureAt)) {
            lastFailureAt = failure.path("at").asText();
            failures.add(new DrainSummary.Failure(at, failure.path("variant").asText(),
                    failure.path("reason").asText(), failure.path("message").asText()));
        }
    }

    private void recordSwap(double at, JsonNode swap, JsonNode status) {
        Double level = status.path("battery").has("level") ? status.path("battery").path("level").asDouble() : null;
        DrainSummary.Swap record = new DrainSummary.Swap(at, swap.path("from").asText(null), swap.path("to").asText(),
                swap.path("reason").asText(), swap.path("band").asText(null), level);
        swaps.add(record);
        if (swapLog != null) {
            swapLog.printf("swap %6.1f s  battery %5s  %s -> %s  (reason %s, band %s)%n", at,
                    level == null ? "-" : String.format("%.0f%%", level * 100), record.from(), record.to(),
                    record.reason(), record.band());
            swapLog.flush();
        }
    }

    private void awaitReplies() throws InterruptedException {
        long deadline = System.nanoTime() + replyTimeout.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private synchronized DrainSummary summarize(int sent) {
        Map<String, DrainSummary.VariantAccuracy> accuracy = new TreeMap<>();
        byVariant.forEach((variant, counts) -> accuracy.put(variant,
                new DrainSummary.VariantAccuracy(counts[0], counts[1], counts[0] == 0 ? 0 : (double) counts[1] / counts[0])));
        DemoSummary.Percentiles latency = new DemoSummary.Percentiles(percentile(50), percentile(95), percentile(99),
                latencyMicros.getMaxValue() / 1000.0);
        return new DrainSummary(duration.toMillis() / 1000.0, sent, results, errors, pending.size(), latency,
                List.copyOf(swaps), List.copyOf(failures), accuracy, null);
    }

    /** Returns one point per second of the run, for the plot. */
    public synchronized List<TimelinePoint> timeline() {
        return timeline.points();
    }

    private double percentile(double percent) {
        return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getValueAtPercentile(percent) / 1000.0;
    }

    private double seconds(long nanos) {
        return (nanos - startNanos) / 1e9;
    }
}
