package io.edgeinfer.cli;

import io.edgeinfer.compression.train.TrainingConfig;
import picocli.CommandLine.Option;

/**
 * The training schedule of the compress commands. The defaults suit training from scratch, and
 * {@link #fineTuning()} gives shorter, gentler ones for retraining a trained network after a change.
 */
public class ScheduleFlags {

    @Option(names = "--epochs", description = "Passes over the training images (default: ${DEFAULT-VALUE}).")
    int epochs = 15;

    @Option(names = "--batch-size", description = "Images per step (default: ${DEFAULT-VALUE}).")
    int batchSize = 64;

    @Option(names = "--learning-rate", description = "Adam learning rate at the first step (default: ${DEFAULT-VALUE}).")
    float learningRate = 1e-3f;

    @Option(names = "--final-learning-rate",
            description = "Learning rate at the last step, reached on a cosine schedule (default: ${DEFAULT-VALUE}).")
    float finalLearningRate = 1e-5f;

    @Option(names = "--seed", description = "Seed for initialization, shuffling, augmentation and dropout"
            + " (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--no-flip", negatable = true, description = "Mirror half the training images left-right"
            + " (default: on).")
    boolean flip = true;

    /** Returns flags whose defaults are 3 epochs at learning rates from 1e-4 down to 1e-6. */
    static ScheduleFlags fineTuning() {
        ScheduleFlags flags = new ScheduleFlags();
        flags.epochs = 3;
        flags.learningRate = 1e-4f;
        flags.finalLearningRate = 1e-6f;
        return flags;
    }

    TrainingConfig config() {
        return new TrainingConfig(epochs, batchSize, learningRate, finalLearningRate, seed, flip);
    }
}
