package io.edgeinfer.compression.train;

import io.edgeinfer.compression.arch.NetworkGraph;
import org.tensorflow.Session;

/**
 * Code that runs after each optimizer step, with the live session, for techniques that edit weights during
 * training, such as holding a pruning mask.
 */
@FunctionalInterface
public interface StepHook {

    /** A hook that does nothing. */
    StepHook NONE = (session, network, step, totalSteps) -> { };

    /**
     * Called on the training thread after step {@code step} (counted from 0) of {@code totalSteps}.
     *
     * @param network the training graph's variables, which the hook may read and assign
     */
    void afterStep(Session session, NetworkGraph network, long step, long totalSteps);
}
