package io.edgeinfer.compression.prune;

import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.arch.WeightSet;
import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.train.Trainer;
import io.edgeinfer.compression.train.TrainingConfig;
import io.edgeinfer.compression.train.TrainingOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gradual unstructured magnitude pruning (Zhu and Gupta, "To prune, or not to prune", 2017, as implemented by
 * TensorFlow Model Optimization): retrains a trained network while its kernels' sparsity rises on a
 * {@link SparsitySchedule}, with the mask held after every step.
 *
 * <p>The network keeps its shape, so TensorFlow still multiplies every zero: the pruned variant is no faster. Its
 * gain is that the zeros compress.
 */
public final class MagnitudePruning {

    /**
     * The pruned weights and the fraction of zeros in each pruned kernel.
     *
     * @param overallSparsity zeros over all parameters of the network, biases included
     */
    public record Outcome(WeightSet weights, Map<String, Double> kernelSparsity, double overallSparsity) {
    }

    /**
     * When the schedule runs, as fractions of the run's steps.
     *
     * @param initialSparsity the sparsity of the first mask, capped at each kernel's final sparsity
     * @param beginFraction where in the run the first mask is set, in [0, 1)
     * @param endFraction where the final sparsity is reached, in (beginFraction, 1]
     * @param frequencySteps steps between mask updates
     */
    public record Settings(double initialSparsity, double beginFraction, double endFraction, long frequencySteps) {

        /** Returns the schedule that reaches {@code finalSparsity} in a run of {@code totalSteps} steps. */
        public SparsitySchedule scheduleFor(double finalSparsity, long totalSteps) {
            long begin = (long) Math.floor(beginFraction * (totalSteps - 1));
            long end = Math.max(begin, (long) Math.floor(endFraction * (totalSteps - 1)));
            return new SparsitySchedule(Math.min(initialSparsity, finalSparsity), finalSparsity, begin, end,
                    frequencySteps, 3);
        }
    }

    private MagnitudePruning() {
    }

    /**
     * Prunes kernels of a trained network while retraining it on {@code training}.
     *
     * @param finalSparsity the fraction of zeros each pruned kernel ends with, keyed by variable name such as
     *     {@code fc1/kernel}
     * @param evaluation reported after each epoch, or null; it never steers training
     */
    public static Outcome run(NetworkSpec spec, WeightSet trained, Map<String, Double> finalSparsity,
            Settings settings, Dataset training, Dataset evaluation, TrainingConfig config, String task) {
        long stepsPerEpoch = (training.size() + config.batchSize() - 1) / config.batchSize();
        Map<String, SparsitySchedule> schedules = new LinkedHashMap<>();
        finalSparsity.forEach((kernel, sparsity) -> schedules.put(kernel,
                settings.scheduleFor(sparsity, stepsPerEpoch * config.epochs())));
        MagnitudePruningHook hook = new MagnitudePruningHook(schedules);

        Trainer.Outcome outcome = Trainer.train(spec, trained, training, evaluation, config, task,
                TrainingOptions.DEFAULT.withStepHook(hook));

        // The hook has already applied this mask. Applying it again in Java makes the exported zero count exact.
        WeightSet pruned = new WeightSet();
        Map<String, Double> sparsity = new LinkedHashMap<>();
        long zeros = 0;
        long total = 0;
        for (Map.Entry<String, WeightSet.Weight> entry : outcome.weights().asMap().entrySet()) {
            float[] values = entry.getValue().values().clone();
            Double target = finalSparsity.get(entry.getKey());
            if (target != null) {
                MagnitudeMask.apply(values, MagnitudeMask.compute(values, target));
                sparsity.put(entry.getKey(), MagnitudeMask.sparsity(values));
            }
            zeros += Math.round(MagnitudeMask.sparsity(values) * values.length);
            total += values.length;
            pruned.put(entry.getKey(), new WeightSet.Weight(entry.getValue().shape(), values));
        }
        return new Outcome(pruned, sparsity, (double) zeros / total);
    }
}
