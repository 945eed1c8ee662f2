package io.edgeinfer.compression.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of one training run.
 *
 * @param epochs passes over the training set
 * @param batchSize examples per step
 * @param learningRate Adam's learning rate at the first step
 * @param finalLearningRate the rate that a cosine schedule reaches at the last step
 * @param seed seeds initialization, shuffling, augmentation and dropout
 * @param flipAugmentation whether each training image is mirrored left-right with probability 1/2
 */
public record TrainingConfig(
        int epochs, int batchSize, float learningRate, float finalLearningRate, long seed, boolean flipAugmentation) {

    public TrainingConfig {
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("Training needs at least 1 epoch and a batch size of at least 1; got "
                    + epochs + " epochs and batch size " + batchSize);
        }
        if (!(learningRate > 0) || !(finalLearningRate > 0)) {
            throw new IllegalArgumentException("Learning rates must be positive; got " + learningRate + " and "
                    + finalLearningRate);
        }
    }

    /** Returns the learning rate at {@code step} of {@code totalSteps}, on a cosine from the first to the final rate. */
    public float learningRateAt(long step, long totalSteps) {
        double progress = totalSteps <= 1 ? 1.0 : (double) step / (totalSteps - 1);
        double cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
        return (float) (finalLearningRate + (learningRate - finalLearningRate) * cosine);
    }

    /** Returns the settings as manifest entries. */
    public Map<String, Object> asSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("epochs", epochs);
        settings.put("batchSize", batchSize);
        settings.put("optimizer", "adam");
        settings.put("learningRate", learningRate);
        settings.put("finalLearningRate", finalLearningRate);
        settings.put("schedule", "cosine");
        settings.put("flipAugmentation", flipAugmentation);
        return settings;
    }
}
