package io.edgeinfer.inference;

import io.edgeinfer.model.ModelInterface;
import java.util.ArrayList;
import java.util.List;

/** Turns one example's output scores into the k most likely classes. */
final class TopK {

    private TopK() {
    }

    /**
     * Returns the {@code k} highest-scoring classes, highest first. Ties keep the lower class index first.
     *
     * @param scores the output for one example, one value per label
     * @param kind whether {@code scores} still need a softmax
     */
    static List<Prediction> of(float[] scores, List<String> labels, int k, ModelInterface.OutputKind kind) {
        double[] probabilities = kind == ModelInterface.OutputKind.LOGITS ? softmax(scores) : toDoubles(scores);
        boolean[] taken = new boolean[probabilities.length];
        List<Prediction> top = new ArrayList<>(k);
        for (int rank = 0; rank < Math.min(k, probabilities.length); rank++) {
            int best = -1;
            for (int i = 0; i < probabilities.length; i++) {
                if (!taken[i] && (best < 0 || probabilities[i] > probabilities[best])) {
                    best = i;
                }
            }
            taken[best] = true;
            top.add(new Prediction(labels.get(best), best, probabilities[best]));
        }
        return top;
    }

    private static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float logit : logits) {
            max = Math.max(max, logit);
        }
        double sum = 0;
        double[] result = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            result[i] = Math.exp(logits[i] - max);
            sum += result[i];
        }
        for (int i = 0; i < result.length; i++) {
            result[i] /= sum;
        }
        return result;
    }

    private static double[] toDoubles(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
