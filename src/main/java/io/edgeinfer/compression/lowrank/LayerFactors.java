package io.edgeinfer.compression.lowrank;

import io.edgeinfer.compression.arch.Activation;
import io.edgeinfer.compression.arch.LayerSpec;
import io.edgeinfer.compression.arch.WeightSet;
import java.util.List;

/** The two layers that replace one dense or convolution layer, with their weights and a report. */
record LayerFactors(List<LayerSpec> layers, WeightSet weights, LowRankFactorizer.LayerReport report) {

    /** Splits {@code layer} at the rank that {@code rule} picks from its kernel's singular values. */
    static LayerFactors split(LayerSpec layer, WeightSet weights, RankRule rule) {
        String name = weightLayerName(layer);
        WeightSet.Weight kernel = weights.get(name + "/kernel");
        long[] shape = kernel.shape();
        int columns = Math.toIntExact(shape[shape.length - 1]);
        int rows = kernel.values().length / columns;
        SingularValueDecomposition svd = SingularValueDecomposition.of(kernel.values(), rows, columns);
        int rank = rule.rank(svd.singularValues());
        int breakEven = RankSelection.breakEvenRank(rows, columns);
        if (rank > breakEven) {
            throw new IllegalArgumentException("Rank " + rank + " (from " + rule + ") would not reduce the " + rows
                    + " x " + columns + " kernel of layer " + name + ", which only ranks up to " + breakEven + " do;"
                    + " choose a lower rank or energy");
        }

        float[] first = new float[rows * rank];
        float[] second = new float[rank * columns];
        for (int r = 0; r < rank; r++) {
            double root = Math.sqrt(svd.singularValues()[r]);
            for (int i = 0; i < rows; i++) {
                first[i * rank + r] = (float) (svd.u()[i * svd.fullRank() + r] * root);
            }
            for (int j = 0; j < columns; j++) {
                second[r * columns + j] = (float) (svd.v()[j * svd.fullRank() + r] * root);
            }
        }

        WeightSet factorWeights = new WeightSet();
        List<LayerSpec> layers;
        if (layer instanceof LayerSpec.Conv2D conv) {
            layers = List.of(
                    new LayerSpec.Conv2D(name + "_u", conv.kernel(), rank, conv.stride(), false, Activation.NONE),
                    new LayerSpec.Conv2D(name + "_v", 1, conv.filters(), 1, conv.bias(), conv.activation()));
            factorWeights.put(name + "_u/kernel", new WeightSet.Weight(
                    new long[] {shape[0], shape[1], shape[2], rank}, first));
            factorWeights.put(name + "_v/kernel", new WeightSet.Weight(new long[] {1, 1, rank, columns}, second));
        } else {
            LayerSpec.Dense dense = (LayerSpec.Dense) layer;
            layers = List.of(
                    new LayerSpec.Dense(name + "_u", rank, false, Activation.NONE),
                    new LayerSpec.Dense(name + "_v", dense.units(), dense.bias(), dense.activation()));
            factorWeights.put(name + "_u/kernel", new WeightSet.Weight(new long[] {rows, rank}, first));
            factorWeights.put(name + "_v/kernel", new WeightSet.Weight(new long[] {rank, columns}, second));
        }
        long bias = 0;
        if (weights.contains(name + "/bias")) {
            factorWeights.put(name + "_v/bias", weights.get(name + "/bias"));
            bias = columns;
        }

        LowRankFactorizer.LayerReport report = new LowRankFactorizer.LayerReport(name, rule, rows, columns, rank,
                RankSelection.retainedEnergy(svd.singularValues(), rank),
                relativeError(kernel.values(), first, second, rows, columns, rank),
                (long) rows * columns + bias, (long) rank * (rows + columns) + bias);
        return new LayerFactors(layers, factorWeights, report);
    }

    /** Returns the layer's name if it is a dense or standard convolution layer, the kinds this can split. */
    static String weightLayerName(LayerSpec layer) {
        if (layer instanceof LayerSpec.Conv2D conv) {
            return conv.name();
        }
        if (layer instanceof LayerSpec.Dense dense) {
            return dense.name();
        }
        return null;
    }

    private static double relativeError(float[] matrix, float[] first, float[] second, int rows, int columns,
            int rank) {
        double error = 0;
        double norm = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double product = 0;
                for (int r = 0; r < rank; r++) {
                    product += (double) first[i * rank + r] * second[r * columns + j];
                }
                double value = matrix[i * columns + j];
                error += (value - product) * (value - product);
                norm += value * value;
            }
        }
        return norm == 0 ? 0 : Math.sqrt(error / norm);
    }
}
