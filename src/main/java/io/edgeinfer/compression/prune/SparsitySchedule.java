package io.edgeinfer.compression.prune;

/**
 * The polynomial decay schedule of TensorFlow Model Optimization's {@code PolynomialDecay}: sparsity rises from
 * {@code initialSparsity} at {@code beginStep} to {@code finalSparsity} at {@code endStep} as
 * {@code final + (initial - final) * (1 - progress)^power}, so it rises fast at first and levels off. The mask is
 * recomputed every {@code frequencySteps} steps in that window, and once more at {@code endStep}.
 *
 * @param initialSparsity fraction of weights zeroed at the first update, in [0, 1)
 * @param finalSparsity fraction zeroed from {@code endStep} on, in [initialSparsity, 1)
 * @param beginStep the first step, counted from 0, at which the mask is computed
 * @param endStep the step at which the final sparsity is reached
 * @param frequencySteps steps between mask updates
 * @param power the exponent of the decay, 3 in TensorFlow Model Optimization
 */
public record SparsitySchedule(
        double initialSparsity, double finalSparsity, long beginStep, long endStep, long frequencySteps,
        double power) {

    public SparsitySchedule {
        if (!(initialSparsity >= 0 && initialSparsity <= finalSparsity && finalSparsity < 1)) {
            throw new IllegalArgumentException("Sparsity must rise within [0, 1): got initial " + initialSparsity
                    + " and final " + finalSparsity);
        }
        if (beginStep < 0 || endStep < beginStep || frequencySteps < 1 || !(power > 0)) {
            throw new IllegalArgumentException("Invalid pruning schedule: begin step " + beginStep + ", end step "
                    + endStep + ", frequency " + frequencySteps + ", power " + power);
        }
    }

    /** Returns the target sparsity at {@code step}: 0 before {@code beginStep}, the final one after {@code endStep}. */
    public double sparsityAt(long step) {
        if (step < beginStep) {
            return 0;
        }
        if (step >= endStep) {
            return finalSparsity;
        }
        double progress = (double) (step - beginStep) / (endStep - beginStep);
        return finalSparsity + (initialSparsity - finalSparsity) * Math.pow(1 - progress, power);
    }

    /** Returns whether the mask is recomputed after {@code step}. */
    public boolean updatesAt(long step) {
        if (step < beginStep || step > endStep) {
            return false;
        }
        return step == endStep || (step - beginStep) % frequencySteps == 0;
    }
}
