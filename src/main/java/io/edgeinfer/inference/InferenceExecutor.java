package io.edgeinfer.inference;

import io.edgeinfer.telemetry.LatencyStage;
import io.edgeinfer.telemetry.LatencyTelemetry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs requests on a fixed pool of worker threads behind a bounded queue, so that transports never block their
 * I/O threads and a burst of requests waits instead of piling up without limit.
 *
 * <p>A request that finds the queue full completes at once with {@link ErrorCode#OVERLOADED}. When the application
 * stops, the pool stops taking requests and lets queued ones finish for up to {@value #DRAIN_SECONDS} seconds,
 * before the MQTT connectors close, so that their replies still go out.
 */
@ApplicationScoped
public class InferenceExecutor {

    private static final Logger LOG = Logger.getLogger(InferenceExecutor.class);
    private static final int DRAIN_SECONDS = 10;

    private final InferenceService service;
    private final LatencyTelemetry latency;
    private final ThreadPoolExecutor pool;
    private final int queueCapacity;

    public InferenceExecutor(InferenceService service, InferenceConfig config, MeterRegistry registry,
            LatencyTelemetry latency) {
        this.service = service;
        this.latency = latency;
        int workers = config.workers().orElse(Runtime.getRuntime().availableProcessors());
        this.queueCapacity = config.queueCapacity();
        AtomicInteger threadNumber = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), task -> {
                    Thread thread = new Thread(task, "edgeinfer-inference-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        Gauge.builder("edgeinfer.request.queue.depth", pool, p -> p.getQueue().size())
                .description("Requests waiting for an inference worker")
                .register(registry);
        LOG.infof("Inference pool started with %d workers and a queue of %d", workers, queueCapacity);
    }

    /**
     * Queues a request.
     *
     * @return completes with the result, or exceptionally with an {@link InferenceException} that is already
     *     counted and logged
     */
    public CompletableFuture<InferenceResult> submit(InferenceRequest request) {
        CompletableFuture<InferenceResult> future = new CompletableFuture<>();
        long queuedAt = System.nanoTime();
        try {
            pool.execute(() -> complete(future, request, queuedAt));
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(service.reject(request, pool.isShutdown()
                    ? new InferenceException(ErrorCode.SHUTTING_DOWN, "The service is stopping and takes no new"
                            + " requests; resend after it restarts")
                    : new InferenceException(ErrorCode.OVERLOADED, "The request queue is full (" + queueCapacity
                            + " waiting); retry later, send fewer requests at once, or raise"
                            + " edgeinfer.inference.queue-capacity")));
        }
        return future;
    }

    private void complete(CompletableFuture<InferenceResult> future, InferenceRequest request, long queuedAt) {
        try {
            InferenceResult result = service.infer(request);
            latency.record(LatencyStage.END_TO_END, System.nanoTime() - queuedAt);
            future.complete(result);
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        }
    }

    /** Returns the number of requests waiting for a worker. */
    public int queueDepth() {
        return pool.getQueue().size();
    }

    void onStop(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) {
        drain();
    }

    @PreDestroy
    void drain() {
        if (pool.isTerminated()) {
            return;
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                LOG.warnf("Inference pool still had %d queued requests after %d s; stopping it", queueDepth(),
                        DRAIN_SECONDS);
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
        LOG.info("Inference pool stopped");
    }
}
