package io.edgeinfer.compression.train;

/**
 * The parts of a training run that techniques change: what is minimized, and what happens after each step.
 *
 * @param objective the loss, {@link Objective#CROSS_ENTROPY} for plain training
 * @param stepHook runs after every step, {@link StepHook#NONE} for plain training
 */
public record TrainingOptions(Objective objective, StepHook stepHook) {

    /** Plain training: cross-entropy and no hook. */
    public static final TrainingOptions DEFAULT = new TrainingOptions(Objective.CROSS_ENTROPY, StepHook.NONE);

    public TrainingOptions withObjective(Objective value) {
        return new TrainingOptions(value, stepHook);
    }

    public TrainingOptions withStepHook(StepHook value) {
        return new TrainingOptions(objective, value);
    }
}
