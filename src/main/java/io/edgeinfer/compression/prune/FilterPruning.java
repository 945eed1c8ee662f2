package io.edgeinfer.compression.prune;

import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.arch.WeightSet;
import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.train.Trainer;
import io.edgeinfer.compression.train.TrainingConfig;
import java.util.Map;

/**
 * Structured pruning in the manner of Li et al. (ICLR 2017): remove the weakest filters and neurons of a trained
 * network in one shot, then retrain the smaller network to recover accuracy.
 *
 * <p>Layers are pruned in network order, and each ranks its filters after the inputs removed before it are gone,
 * which Li et al. call the greedy strategy.
 */
public final class FilterPruning {

    /** The retrained smaller network and the channels each pruned layer kept. */
    public record Outcome(NetworkSpec spec, WeightSet weights, Map<String, int[]> keptChannels) {
    }

    private FilterPruning() {
    }

    /**
     * Prunes each layer in {@code keepCounts} to that many output channels and retrains.
     *
     * @param evaluation reported after each epoch, or null; it never steers training
     */
    public static Outcome run(NetworkSpec spec, WeightSet trained, Map<String, Integer> keepCounts,
            Dataset training, Dataset evaluation, TrainingConfig config, String task) {
        FilterPruner.Result smaller = FilterPruner.prune(spec, trained, keepCounts);
        Trainer.Outcome outcome = Trainer.train(smaller.spec(), smaller.weights(), training, evaluation, config, task);
        return new Outcome(smaller.spec(), outcome.weights(), smaller.keptChannels());
    }
}
