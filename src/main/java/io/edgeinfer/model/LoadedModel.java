package io.edgeinfer.model;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * One variant held in memory with its TensorFlow session.
 *
 * <p>Thread safety: {@link #run} may be called from many threads at once, because a TensorFlow session
 * accepts concurrent runs. Callers hold a lease ({@link #tryAcquire()} and {@link #release()}) around each
 * run. The session is closed only after {@link #retire()} and once the last lease is released, so a request
 * never runs on a closed session. The close itself runs on a background thread, so that the request whose lease
 * was the last one does not wait for it; {@link #awaitClosed} waits for it.
 */
public final class LoadedModel {

    private static final Logger LOG = Logger.getLogger(LoadedModel.class);

    /** Closes retired sessions, one at a time, off the request threads. */
    private static final Executor CLOSER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "edgeinfer-model-closer");
        thread.setDaemon(true);
        return thread;
    });

    private final ModelVariant variant;
    private final SavedModelBundle bundle;
    private final SessionFunction function;
    private volatile Duration loadTime = Duration.ZERO;
    private final AtomicReference<ModelState> state = new AtomicReference<>(ModelState.WARMING);
    private final AtomicInteger leases = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();

    LoadedModel(ModelVariant variant, SavedModelBundle bundle, SessionFunction function) {
        this.variant = variant;
        this.bundle = bundle;
        this.function = function;
    }

    public ModelVariant variant() {
        return variant;
    }

    public VariantId id() {
        return variant.id();
    }

    public ModelManifest manifest() {
        return variant.manifest();
    }

    public ModelState state() {
        return state.get();
    }

    /** Returns the wall time from the start of the load to the end of warm-up. */
    public Duration loadTime() {
        return loadTime;
    }

    /** Returns the number of requests running on this variant now. */
    public int activeLeases() {
        return leases.get();
    }

    /**
     * Runs the serving signature on a batch.
     *
     * @param input NHWC values for {@code batchSize} examples, already pre-processed
     * @return the output for each example, flattened in example order
     */
    public float[] run(float[] input, int batchSize) {
        ModelInterface signature = manifest().signature();
        Shape shape = batchShape(signature.input(), batchSize);
        try (TFloat32 tensor = TFloat32.tensorOf(shape, DataBuffers.of(input, true, false));
                Result result = function.call(Map.of(signature.input().name(), tensor))) {
            TFloat32 output = (TFloat32) result.get(signature.output().name())
                    .orElseThrow(() -> new IllegalStateException("Variant " + id() + " returned no output named "
                            + signature.output().name()));
            float[] values = new float[Math.toIntExact(output.size())];
            output.copyTo(DataBuffers.of(values, false, false));
            return values;
        }
    }

    private static Shape batchShape(TensorSpec spec, int batchSize) {
        long[] dims = new long[spec.shape().size()];
        dims[0] = batchSize;
        for (int i = 1; i < dims.length; i++) {
            dims[i] = spec.shape().get(i);
        }
        return Shape.of(dims);
    }

    /** Moves from warming to serving; called once by the loader after warm-up. */
    void markServing(Duration loadTime) {
        this.loadTime = loadTime;
        state.compareAndSet(ModelState.WARMING, ModelState.SERVING);
    }

    /**
     * Takes a lease for one request.
     *
     * @return false if the variant no longer admits requests, and then the caller must not call {@link #run}
     */
    public boolean tryAcquire() {
        leases.incrementAndGet();
        if (state.get() == ModelState.SERVING) {
            return true;
        }
        release();
        return false;
    }

    /** Ends a lease taken with {@link #tryAcquire()}; the last one after {@link #retire()} closes the session. */
    public void release() {
        if (leases.decrementAndGet() == 0 && state.get() == ModelState.DRAINING) {
            closeOnce();
        }
    }

    /** Stops admitting requests; the session closes as soon as no lease is held, possibly at once. */
    public void retire() {
        state.compareAndSet(ModelState.WARMING, ModelState.DRAINING);
        state.compareAndSet(ModelState.SERVING, ModelState.DRAINING);
        if (leases.get() == 0) {
            closeOnce();
        }
    }

    /**
     * Waits until the session is closed, which happens once the variant is retired and its last lease released.
     *
     * @return false if the timeout passed first
     */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void closeOnce() {
        if (state.get() == ModelState.DRAINING && closing.compareAndSet(false, true)) {
            CLOSER.execute(() -> {
                bundle.close();
                state.set(ModelState.CLOSED);
                closed.countDown();
                LOG.infof("Closed variant %s", id());
            });
        }
    }
}
