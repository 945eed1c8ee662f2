package io.edgeinfer.compression.arch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;

/**
 * A {@link NetworkSpec} built into a TensorFlow graph, with one variable per weight.
 *
 * <p>Variables get their values from {@link #assign}, which feeds them through placeholders, instead of from
 * constants: a constant would store every weight a second time in {@code saved_model.pb}.
 */
public final class NetworkGraph {

    /**
     * Whether the graph can train. Inference graphs leave out dropout layers, and their batch-norm layers use the
     * moving averages only.
     */
    public enum Mode {
        TRAINING,
        INFERENCE
    }

    private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
    private final Map<String, Placeholder<TFloat32>> initialValues = new LinkedHashMap<>();
    private final Map<String, Assign<TFloat32>> assigns = new LinkedHashMap<>();
    private final Map<String, Ops> layerScopes = new LinkedHashMap<>();
    private final List<Op> statisticsUpdates = new ArrayList<>();
    private final Operand<TFloat32> logits;

    private NetworkGraph(Ops tf, NetworkSpec spec, Operand<TFloat32> input, Mode mode,
            Operand<TFloat32> trainingPhase, long seed) {
        Map<String, long[]> shapes = spec.variableShapes();
        for (Map.Entry<String, long[]> entry : shapes.entrySet()) {
            addVariable(tf, entry.getKey(), entry.getValue());
        }
        Operand<TFloat32> x = input;
        int dropoutIndex = 0;
        for (LayerSpec layer : spec.layers()) {
            if (layer instanceof LayerSpec.Dropout dropout) {
                if (mode == Mode.TRAINING) {
                    x = dropout(tf, x, dropout.rate(), trainingPhase, seed + dropoutIndex++);
                }
            } else if (layer instanceof LayerSpec.BatchNorm norm) {
                x = BatchNormOps.apply(tf, norm, x, variables, mode == Mode.TRAINING ? trainingPhase : null,
                        statisticsUpdates);
            } else {
                x = LayerOps.apply(tf, layer, x, variables);
            }
        }
        this.logits = tf.withName("logits").identity(x);
    }

    /**
     * Builds the network on {@code input}.
     *
     * @param trainingPhase a scalar to feed 1 in a training step and 0 to evaluate. It multiplies every dropout
     *     rate, and makes batch-norm layers use the batch's statistics (1) or the moving averages (0). Ignored in
     *     {@link Mode#INFERENCE}
     * @param seed the seed of the dropout masks
     */
    public static NetworkGraph build(Ops tf, NetworkSpec spec, Operand<TFloat32> input, Mode mode,
            Operand<TFloat32> trainingPhase, long seed) {
        return new NetworkGraph(tf, spec, input, mode, trainingPhase, seed);
    }

    /**
     * Adds variable {@code name}. A name {@code <layer>/<weight>} puts the variable, its initial-value placeholder
     * and its assign op under one name scope per layer, so that the variable is named exactly {@code name} in
     * the graph and in the SavedModel.
     */
    private void addVariable(Ops tf, String name, long[] shape) {
        int slash = name.lastIndexOf('/');
        Ops scope = slash < 0 ? tf : layerScopes.computeIfAbsent(name.substring(0, slash), tf::withSubScope);
        String weight = name.substring(slash + 1);
        Variable<TFloat32> variable = scope.withName(weight).variable(Shape.of(shape), TFloat32.class);
        Placeholder<TFloat32> value = scope.withName(weight + "_initial_value")
                .placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
        variables.put(name, variable);
        initialValues.put(name, value);
        assigns.put(name, scope.withName(weight + "_assign").assign(variable, value));
    }

    private static Operand<TFloat32> dropout(Ops tf, Operand<TFloat32> x, float rate, Operand<TFloat32> scale,
            long seed) {
        Operand<TFloat32> keep = tf.math.sub(tf.constant(1f), tf.math.mul(tf.constant(rate), scale));
        Operand<TFloat32> uniform = tf.random.randomUniform(tf.shape(x), TFloat32.class,
                RandomUniform.seed(seed), RandomUniform.seed2(seed * 31 + 7));
        Operand<TFloat32> mask = tf.dtypes.cast(tf.math.less(uniform, keep), TFloat32.class);
        return tf.math.div(tf.math.mul(x, mask), keep);
    }

    public Operand<TFloat32> logits() {
        return logits;
    }

    /** Returns the variables in layer order, keyed by weight name, batch-norm moving averages included. */
    public Map<String, Variable<TFloat32>> variables() {
        return variables;
    }

    /** Returns the variables an optimizer updates: all but the batch-norm moving averages. */
    public List<Variable<TFloat32>> trainableVariables() {
        List<Variable<TFloat32>> trainable = new ArrayList<>();
        for (Map.Entry<String, Variable<TFloat32>> entry : variables.entrySet()) {
            if (!entry.getKey().contains("/moving_")) {
                trainable.add(entry.getValue());
            }
        }
        return trainable;
    }

    /**
     * Returns the ops that update the batch-norm moving averages from the current batch. A training step must
     * run them with the optimizer step; evaluation must not. Empty for inference graphs and for networks
     * without batch norm.
     */
    public List<Op> statisticsUpdates() {
        return List.copyOf(statisticsUpdates);
    }

    /** Sets every variable from {@code weights}; the names and shapes must match the spec. */
    public void assign(Session session, WeightSet weights) {
        Session.Runner runner = session.runner();
        List<TFloat32> tensors = new ArrayList<>();
        try {
            for (Map.Entry<String, Assign<TFloat32>> entry : assigns.entrySet()) {
                WeightSet.Weight weight = weights.get(entry.getKey());
                TFloat32 tensor = TFloat32.tensorOf(Shape.of(weight.shape()), DataBuffers.of(weight.values(), true, false));
                tensors.add(tensor);
                runner.feed(initialValues.get(entry.getKey()), tensor).addTarget(entry.getValue());
            }
            runner.run().close();
        } finally {
            tensors.forEach(TFloat32::close);
        }
    }

    /** Reads every variable's current value. */
    public WeightSet read(Session session) {
        Session.Runner runner = session.runner();
        variables.values().forEach(runner::fetch);
        WeightSet weights = new WeightSet();
        try (Result result = runner.run()) {
            int index = 0;
            for (String name : variables.keySet()) {
                TFloat32 tensor = (TFloat32) result.get(index++);
                float[] values = new float[Math.toIntExact(tensor.size())];
                tensor.copyTo(DataBuffers.of(values, false, false));
                weights.put(name, new WeightSet.Weight(tensor.shape().asArray(), values));
            }
        }
        return weights;
    }

    @Override
    public String toString() {
        return "NetworkGraph" + Arrays.toString(variables.keySet().toArray());
    }
}
