package io.edgeinfer.cli.bench;

import io.edgeinfer.cli.demo.DemoClient;
import io.edgeinfer.cli.demo.DemoRun;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Sends frames over MQTT at a fixed rate on a thread of its own, and records each reply's publish-to-reply
 * latency into the {@link Phase} that was current when its frame was sent.
 */
public final class SteadyLoad implements AutoCloseable {

    /** Replies of the frames sent during one phase of a benchmark. */
    public static final class Phase {
        final String name;
        final Histogram latencyMicros = new Histogram(3_600_000_000L, 3);
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger results = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();

        public Phase(String name) {
            this.name = name;
        }

        /** Returns the replies' latency at {@code percentile} (0 to 100) in milliseconds, or 0 without replies. */
        public synchronized double percentileMillis(double percentile) {
            return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        /** Returns the slowest reply in milliseconds, or 0 without replies. */
        public synchronized double maxMillis() {
            return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getMaxValue() / 1000.0;
        }

        synchronized void record(long micros) {
            latencyMicros.recordValue(Math.max(1, micros));
        }

        public int sent() {
            return sent.get();
        }

        public int results() {
            return results.get();
        }

        public int errors() {
            return errors.get();
        }
    }

    private record Pending(long sentAtNanos, Phase phase) {
    }

    private final DemoClient client;
    private final String deviceTopic;
    private final String runId;
    private final List<DemoRun.Frame> frames;
    private final int ratePerSecond;
    private final AtomicReference<Phase> phase = new AtomicReference<>();
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread sender;
    private volatile Exception failure;

    public SteadyLoad(DemoClient client, String deviceTopic, String runId, List<DemoRun.Frame> frames,
            int ratePerSecond) {
        this.client = client;
        this.deviceTopic = deviceTopic;
        this.runId = runId;
        this.frames = frames;
        this.ratePerSecond = ratePerSecond;
    }

    /** Returns the reply filters to subscribe to. */
    public String[] filters() {
        return new String[] {deviceTopic + "/results/+", deviceTopic + "/errors/+"};
    }

    /** Starts sending; frames from now on count towards {@code first}. */
    public void start(Phase first) {
        phase.set(first);
        running.set(true);
        sender = new Thread(this::send, "edgeinfer-bench-load");
        sender.setDaemon(true);
        sender.start();
    }

    /** Makes frames sent from now on count towards {@code next}. */
    public void enter(Phase next) {
        phase.set(next);
    }

    private void send() {
        long start = System.nanoTime();
        int sent = 0;
        try {
            while (running.get()) {
                long due = (System.nanoTime() - start) * ratePerSecond / 1_000_000_000L;
                while (sent < due && running.get()) {
                    Phase current = phase.get();
                    pending.put(sent, new Pending(System.nanoTime(), current));
                    current.sent.incrementAndGet();
                    client.publish(deviceTopic + "/frames/" + runId + "-" + sent,
                            frames.get(sent % frames.size()).payload(), Duration.ofSeconds(30));
                    sent++;
                }
                TimeUnit.MILLISECONDS.sleep(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = e;
        }
    }

    /** Handles one reply on the client's event loop. */
    public void onReply(MqttPublishMessage message) {
        String topic = message.topicName();
        String requestId = topic.substring(topic.lastIndexOf('/') + 1);
        if (!requestId.startsWith(runId + "-")) {
            return;
        }
        Pending request = pending.remove(Integer.parseInt(requestId.substring(runId.length() + 1)));
        if (request == null) {
            return;
        }
        request.phase().record((System.nanoTime() - request.sentAtNanos()) / 1000);
        (topic.contains("/errors/") ? request.phase().errors : request.phase().results).incrementAndGet();
    }

    /**
     * Stops sending and waits up to {@code timeout} for the outstanding replies.
     *
     * @return the frames that got no reply by then
     */
    public int stop(Duration timeout) throws Exception {
        running.set(false);
        sender.join(timeout.toMillis());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        if (failure != null) {
            throw failure;
        }
        return pending.size();
    }

    @Override
    public void close() {
        running.set(false);
    }
}
