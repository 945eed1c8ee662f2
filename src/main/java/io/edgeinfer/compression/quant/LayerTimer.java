package io.edgeinfer.compression.quant;

import io.edgeinfer.compression.arch.LayerOps;
import io.edgeinfer.compression.arch.LayerSpec;
import io.edgeinfer.compression.arch.WeightSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Times one Conv2D layer alone in float32 and in int8 compute on this machine, so that the quantizer keeps int8
 * only where TensorFlow's quantized kernel is faster here. Whether it is depends on the CPU and on which kernels
 * the TensorFlow build has.
 *
 * <p>The input is uniform noise over the calibrated range, because the kernels' speed does not depend on the
 * values. The two versions alternate in rounds, so that load from other processes falls on both alike.
 */
public final class LayerTimer {

    private static final int WARMUP_RUNS = 20;
    private static final int ROUNDS = 10;

    private LayerTimer() {
    }

    /**
     * Times {@code conv}, whose input has shape {@code inputShape} (height, width, channels).
     *
     * @param runs timed calls of each version, spread over the rounds
     */
    public static LayerTiming time(LayerSpec.Conv2D conv, List<Integer> inputShape, WeightSet weights,
            LayerPlan int8Plan, int batchSize, int runs) {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1,
                    inputShape.get(0), inputShape.get(1), inputShape.get(2))));
            EncodedWeights encoded = new EncodedWeights(tf);
            Ops floatScope = tf.withSubScope("float");
            Operand<TFloat32> floatOut = LayerOps.apply(floatScope, conv, x, Map.of(
                    conv.name() + "/kernel", encoded.float32("float/kernel", weights.get(conv.name() + "/kernel")),
                    conv.name() + "/bias", encoded.float32("float/bias", bias(weights, conv))));
            Ops int8Scope = tf.withSubScope("int8");
            Operand<TFloat32> int8Out = LayerOps.activate(int8Scope, int8Scope.nn.biasAdd(
                    Int8Conv.convolve(int8Scope, conv, weights.get(conv.name() + "/kernel"), int8Plan, x),
                    encoded.float32("int8/bias", bias(weights, conv))), conv.activation());

            try (Session session = new Session(graph);
                    TFloat32 input = noise(batchSize, inputShape, int8Plan)) {
                encoded.assign(session);
                long[] floatNanos = new long[runs];
                long[] int8Nanos = new long[runs];
                warmUp(session, x, input, floatOut, int8Out);
                int perRound = Math.max(1, runs / ROUNDS);
                for (int done = 0; done < runs; done += perRound) {
                    int count = Math.min(perRound, runs - done);
                    timeCalls(session, x, input, floatOut, floatNanos, done, count);
                    timeCalls(session, x, input, int8Out, int8Nanos, done, count);
                }
                return new LayerTiming(conv.name(), batchSize, medianMillis(floatNanos), medianMillis(int8Nanos),
                        runs);
            }
        }
    }

    /** Layers without a bias get zeros, so that both versions do the same work. */
    private static WeightSet.Weight bias(WeightSet weights, LayerSpec.Conv2D conv) {
        if (conv.bias()) {
            return weights.get(conv.name() + "/bias");
        }
        return new WeightSet.Weight(new long[] {conv.filters()}, new float[conv.filters()]);
    }

    private static TFloat32 noise(int batchSize, List<Integer> shape, LayerPlan plan) {
        float[] values = new float[batchSize * shape.get(0) * shape.get(1) * shape.get(2)];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (plan.inputMin() + random.nextDouble() * (plan.inputMax() - plan.inputMin()));
        }
        return TFloat32.tensorOf(Shape.of(batchSize, shape.get(0), shape.get(1), shape.get(2)),
                DataBuffers.of(values, true, false));
    }

    private static void warmUp(Session session, Placeholder<TFloat32> x, TFloat32 input, Operand<TFloat32> first,
            Operand<TFloat32> second) {
        for (int i = 0; i < WARMUP_RUNS; i++) {
            session.runner().feed(x, input).fetch(first).run().close();
            session.runner().feed(x, input).fetch(second).run().close();
        }
    }

    private static void timeCalls(Session session, Placeholder<TFloat32> x, TFloat32 input, Operand<TFloat32> output,
            long[] nanos, int from, int count) {
        for (int i = from; i < from + count; i++) {
            long start = System.nanoTime();
            session.runner().feed(x, input).fetch(output).run().close();
            nanos[i] = System.nanoTime() - start;
        }
    }

    private static double medianMillis(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
