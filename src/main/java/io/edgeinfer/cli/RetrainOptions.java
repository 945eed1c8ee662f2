package io.edgeinfer.cli;

import io.edgeinfer.compression.train.TrainingConfig;
import picocli.CommandLine.Option;

/** Options of the retraining that follows pruning. */
public class RetrainOptions {

    @Option(names = "--epochs", description = "Passes over the training images while retraining"
            + " (default: ${DEFAULT-VALUE}).")
    int epochs = 4;

    @Option(names = "--batch-size", description = "Images per step (default: ${DEFAULT-VALUE}).")
    int batchSize = 64;

    @Option(names = "--learning-rate", description = "Adam learning rate at the first step (default: ${DEFAULT-VALUE}).")
    float learningRate = 2e-4f;

    @Option(names = "--final-learning-rate",
            description = "Learning rate at the last step, reached on a cosine schedule (default: ${DEFAULT-VALUE}).")
    float finalLearningRate = 1e-5f;

    @Option(names = "--no-flip", negatable = true, description = "Mirror half the training images left-right"
            + " (default: on).")
    boolean flip = true;

    @Option(names = "--train-limit", paramLabel = "N",
            description = "Retrain on the first N training images only, for quick trials (default: all).")
    int trainLimit = Integer.MAX_VALUE;

    TrainingConfig config(long seed) {
        return new TrainingConfig(epochs, batchSize, learningRate, finalLearningRate, seed, flip);
    }
}
