package io.edgeinfer.compression.quant;

import io.edgeinfer.compression.arch.LayerCost;
import io.edgeinfer.compression.arch.LayerSpec;
import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.arch.WeightSet;
import io.edgeinfer.compression.arch.WeightedLayers;
import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.eval.StepProgress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses float32 or int8 compute for each layer: calibrates the inputs of the Conv2D layers, times each one alone
 * in both precisions on this machine, and keeps int8 where it is faster by at least a set margin.
 *
 * <p>Other layer types stay float32. TensorFlow 2.18's CPU build has a {@code QuantizedMatMul} kernel for quint8
 * weights only, not qint8, and no quantized depthwise kernel outside oneDNN's fused ops.
 */
public final class Int8ComputePlanner {

    /**
     * The settings of one planning run.
     *
     * @param percentile the calibration percentile, see {@link Calibrator#calibrate}
     * @param timingRuns timed calls of each precision per layer and batch size
     * @param decideBatch the batch size whose timing decides
     * @param minSpeedup the speed-up int8 needs at {@code decideBatch} to be chosen, such as 1.05
     */
    public record Options(double percentile, int timingRuns, int decideBatch, double minSpeedup) {
    }

    /**
     * The choice for one layer and why.
     *
     * @param range the calibrated input range, or null for layers that were not candidates
     * @param timings the measured times at batch 1 and 32, empty for layers that were not candidates
     */
    public record Decision(String layer, Precision precision, String reason, InputRange range,
            List<LayerTiming> timings) {
    }

    private Int8ComputePlanner() {
    }

    /** Plans every layer with weights, in network order. */
    public static List<Decision> plan(NetworkSpec spec, WeightSet weights, Dataset calibration, Options options) {
        List<LayerSpec.Conv2D> candidates = spec.layers().stream()
                .filter(LayerSpec.Conv2D.class::isInstance).map(LayerSpec.Conv2D.class::cast).toList();
        Map<String, InputRange> ranges = Calibrator.calibrate(spec, weights,
                candidates.stream().map(LayerSpec.Conv2D::name).toList(), calibration, options.percentile());
        Map<String, List<Integer>> inputShapes = inputShapes(spec);

        List<Decision> decisions = new ArrayList<>();
        try (StepProgress progress = new StepProgress("time layers", candidates.size() * 2L, " timings")) {
            for (LayerSpec layer : spec.layers()) {
                String name = WeightedLayers.nameOf(layer);
                if (name == null) {
                    continue;
                }
                if (!(layer instanceof LayerSpec.Conv2D conv)) {
                    decisions.add(new Decision(name, Precision.FLOAT32, "TensorFlow 2.18 has no qint8 CPU kernel for"
                            + " this layer type", null, List.of()));
                    continue;
                }
                decisions.add(decide(conv, inputShapes.get(name), weights, ranges.get(name), options, progress));
            }
        }
        return decisions;
    }

    /** Returns the layer plans of {@code decisions}, for {@link QuantizedModelWriter}. */
    public static Map<String, LayerPlan> plans(List<Decision> decisions) {
        Map<String, LayerPlan> plans = new LinkedHashMap<>();
        for (Decision decision : decisions) {
            InputRange range = decision.range();
            plans.put(decision.layer(), range == null ? LayerPlan.of(decision.precision())
                    : new LayerPlan(decision.precision(), Math.min(0f, range.min()), range.max()));
        }
        return plans;
    }

    private static Decision decide(LayerSpec.Conv2D conv, List<Integer> inputShape, WeightSet weights,
            InputRange range, Options options, StepProgress progress) {
        if (range.min() < 0) {
            progress.advance(2, conv.name());
            return new Decision(conv.name(), Precision.FLOAT32, "its input has negative values, and the int8 path"
                    + " quantizes inputs to quint8 from 0", range, List.of());
        }
        LayerPlan int8 = new LayerPlan(Precision.INT8_COMPUTE, 0f, range.max());
        List<LayerTiming> timings = new ArrayList<>();
        for (int batch : new int[] {1, 32}) {
            timings.add(LayerTimer.time(conv, inputShape, weights, int8, batch, options.timingRuns()));
            progress.advance(1, conv.name() + " batch " + batch);
        }
        LayerTiming deciding = timings.stream().filter(t -> t.batchSize() == options.decideBatch()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Decide batch " + options.decideBatch()
                        + " was not timed; use 1 or 32"));
        boolean faster = deciding.speedup() >= options.minSpeedup();
        String reason = String.format("int8 ran %.2fx as fast as float32 at batch %d; the threshold is %.2fx",
                deciding.speedup(), deciding.batchSize(), options.minSpeedup());
        return new Decision(conv.name(), faster ? Precision.INT8_COMPUTE : Precision.FLOAT32, reason, range, timings);
    }

    /** Returns each weighted layer's input shape (height, width, channels). */
    private static Map<String, List<Integer>> inputShapes(NetworkSpec spec) {
        Map<String, List<Integer>> shapes = new LinkedHashMap<>();
        List<Integer> shape = List.of(spec.height(), spec.width(), spec.channels());
        List<LayerCost> costs = spec.costs();
        for (int i = 0; i < spec.layers().size(); i++) {
            String name = WeightedLayers.nameOf(spec.layers().get(i));
            if (name != null) {
                shapes.put(name, shape);
            }
            shape = costs.get(i).outputShape();
        }
        return shapes;
    }
}
