package io.edgeinfer.model;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * A swap for two variants that do not fit in memory together: verify the target's checksums, close the gate so
 * that new requests wait, drain and close the active variant, load the target, and open the gate. If the target
 * fails to load, the previous variant is loaded again. Called by {@link ModelManager} under its lock, so one swap
 * runs at a time; {@link #isSwitching()} and {@link #awaitSwitch()} are safe from any thread.
 */
final class InPlaceSwitch {

    private static final Logger LOG = Logger.getLogger(InPlaceSwitch.class);

    private final ModelConfig config;
    private final AtomicReference<LoadedModel> active;
    private final Function<ModelVariant, LoadedModel> load;
    private final BiConsumer<VariantId, RuntimeException> recordFailure;
    private final SwitchGate gate = new SwitchGate();

    /**
     * @param active the manager's variant in service, which this class empties and refills
     * @param load loads and warms up a variant, recording the load time and any failure
     * @param recordFailure records a failure that happens before {@code load} runs
     */
    InPlaceSwitch(ModelConfig config, AtomicReference<LoadedModel> active, Function<ModelVariant, LoadedModel> load,
            BiConsumer<VariantId, RuntimeException> recordFailure) {
        this.config = config;
        this.active = active;
        this.load = load;
        this.recordFailure = recordFailure;
    }

    /** Returns whether a swap has no variant in service right now, so that requests must wait. */
    boolean isSwitching() {
        return gate.isClosed();
    }

    /** Waits up to {@code edgeinfer.model.switch-timeout} for the swap to end; returns false on timeout. */
    boolean awaitSwitch() {
        return gate.awaitOpen(config.switchTimeout());
    }

    LoadedModel activate(ModelVariant variant, LoadedModel previous) {
        if (config.verifyChecksums()) {
            try {
                Checksums.verify(variant.dir(), variant.manifest());
            } catch (RuntimeException e) {
                recordFailure.accept(variant.id(), e);
                throw e;
            }
        }
        LOG.infof("Variants %s and %s do not fit in the memory budget together; requests wait while one closes"
                + " and the other loads", previous.id(), variant.id());
        gate.close();
        try {
            active.set(null);
            previous.retire();
            awaitClosed(previous);
            LoadedModel loaded;
            try {
                loaded = load.apply(variant);
            } catch (RuntimeException e) {
                restore(previous.variant());
                throw e;
            }
            active.set(loaded);
            LOG.infof("Swapped variant %s -> %s after closing the old variant", previous.id(), variant.id());
            return loaded;
        } finally {
            gate.open();
        }
    }

    private void awaitClosed(LoadedModel previous) {
        try {
            if (!previous.awaitClosed(config.switchTimeout())) {
                LOG.warnf("Variant %s still runs %d requests after %s; loading the next variant beside it",
                        previous.id(), previous.activeLeases(), config.switchTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void restore(ModelVariant previous) {
        try {
            active.set(load.apply(previous));
            LOG.infof("Variant %s is back in service after the failed swap", previous.id());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Failed to load variant %s again after a failed swap; no variant is in service",
                    previous.id());
        }
    }
}
