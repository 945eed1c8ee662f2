package io.edgeinfer.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.HdrHistogram.Histogram;
import org.jboss.logging.Logger;

/**
 * Sends labelled frames through MQTT and checks every reply: at most {@code concurrency} frames await a reply
 * at once, each reply is matched to its frame by request id, and frames without a reply by the timeout count as
 * missing.
 */
public final class DemoRun {

    private static final Logger LOG = Logger.getLogger(DemoRun.class);
    private static final int PENDING = 0;
    private static final int RESULT = 1;
    private static final int ERROR = 2;
    /** A reply arrived and is being counted; the frame still counts as pending until that is done. */
    private static final int COUNTING = 3;

    /** One input to send and the label it should get. */
    public record Frame(byte[] payload, int label) {
    }

    private final DemoClient client;
    private final DemoTopics topics;
    private final List<Frame> frames;
    private final Semaphore window;
    private final Duration replyTimeout;
    private final ObjectMapper json = new ObjectMapper();

    private final AtomicIntegerArray states;
    private final long[] sentAtNanos;
    private final Histogram latencyMicros = new Histogram(3_600_000_000L, 3);
    private final Map<String, Integer> variants = new TreeMap<>();
    private final Map<String, Integer> errorCodes = new TreeMap<>();
    private int correct;
    private long lastReplyNanos;

    public DemoRun(DemoClient client, DemoTopics topics, List<Frame> frames, int concurrency, Duration replyTimeout) {
        this.client = client;
        this.topics = topics;
        this.frames = frames;
        this.window = new Semaphore(concurrency);
        this.replyTimeout = replyTimeout;
        this.states = new AtomicIntegerArray(frames.size());
        this.sentAtNanos = new long[frames.size()];
    }

    /** Sends every frame, waits for the replies, and returns the summary. */
    public DemoSummary run() throws Exception {
        long start = System.nanoTime();
        int sent = 0;
        for (int i = 0; i < frames.size(); i++) {
            if (!window.tryAcquire(replyTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("No reply freed a slot for %d s; sending frame %d anyway", replyTimeout.toSeconds(), i);
            }
            sentAtNanos[i] = System.nanoTime();
            client.publish(topics.frame(i), frames.get(i).payload(), replyTimeout);
            sent++;
        }
        awaitReplies();
        return summarize(sent, start);
    }

    /** Handles one reply; called on the MQTT client's event loop. */
    public void onReply(MqttPublishMessage message) {
        int index = topics.indexOf(message.topicName());
        if (index < 0 || index >= frames.size()) {
            return;
        }
        boolean isResult = message.topicName().contains("/results/");
        if (!states.compareAndSet(index, PENDING, COUNTING)) {
            return;
        }
        long now = System.nanoTime();
        try {
            JsonNode reply = json.readTree(message.payload().getBytes());
            synchronized (this) {
                latencyMicros.recordValue(Math.max(1, (now - sentAtNanos[index]) / 1000));
                lastReplyNanos = now;
                if (isResult) {
                    countResult(index, reply);
                } else {
                    errorCodes.merge(reply.path("code").asText("unknown"), 1, Integer::sum);
                    LOG.debugf("Frame %d got error %s", index, reply.path("message").asText());
                }
            }
        } catch (IOException e) {
            LOG.errorf("Reply on %s is not valid JSON: %s", message.topicName(), e.getMessage());
        } finally {
            // Set only now, so that summarize() never sees a reply as answered before it is counted.
            states.set(index, isResult ? RESULT : ERROR);
            window.release();
        }
    }

    private void countResult(int index, JsonNode reply) {
        variants.merge(reply.path("model").asText() + "/" + reply.path("variant").asText(), 1, Integer::sum);
        if (reply.path("predictions").path(0).path("index").asInt(-1) == frames.get(index).label()) {
            correct++;
        }
    }

    private void awaitReplies() throws InterruptedException {
        long deadline = System.nanoTime() + replyTimeout.toNanos();
        while (pendingCount() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private int pendingCount() {
        int pending = 0;
        for (int i = 0; i < states.length(); i++) {
            if (states.get(i) == PENDING || states.get(i) == COUNTING) {
                pending++;
            }
        }
        return pending;
    }

    private synchronized DemoSummary summarize(int sent, long startNanos) {
        int results = 0;
        int errors = 0;
        for (int i = 0; i < states.length(); i++) {
            results += states.get(i) == RESULT ? 1 : 0;
            errors += states.get(i) == ERROR ? 1 : 0;
        }
        double seconds = Math.max(1e-9, (lastReplyNanos - startNanos) / 1e9);
        DemoSummary.Percentiles latency = new DemoSummary.Percentiles(percentile(50), percentile(95),
                percentile(99), latencyMicros.getMaxValue() / 1000.0);
        return new DemoSummary(frames.size(), sent, results, errors, frames.size() - results - errors, correct,
                results == 0 ? 0 : (double) correct / results, latency, (results + errors) / seconds,
                Map.copyOf(variants), Map.copyOf(errorCodes));
    }

    private double percentile(double percent) {
        return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getValueAtPercentile(percent) / 1000.0;
    }
}
