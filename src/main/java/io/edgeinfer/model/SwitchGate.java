package io.edgeinfer.model;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds requests back while a swap has no variant in service, that is while the manager closes the active
 * variant before it loads the next one. Thread-safe.
 */
final class SwitchGate {

    private static final CountDownLatch OPEN = new CountDownLatch(0);

    private volatile CountDownLatch latch = OPEN;

    /** Makes {@link #awaitOpen} block until {@link #open()}. Called by the one thread that runs swaps. */
    void close() {
        latch = new CountDownLatch(1);
    }

    void open() {
        latch.countDown();
    }

    boolean isClosed() {
        return latch.getCount() > 0;
    }

    /**
     * Waits for the gate to open.
     *
     * @return false if {@code timeout} passed first
     */
    boolean awaitOpen(Duration timeout) {
        try {
            return latch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
