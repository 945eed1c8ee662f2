package io.edgeinfer.compression.prune;

import io.edgeinfer.compression.arch.NetworkGraph;
import io.edgeinfer.compression.train.StepHook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Holds a magnitude-pruning mask on chosen kernels while training, as TensorFlow Model Optimization's
 * {@code prune_low_magnitude} does. At each update step of the schedule it ranks each kernel's weights by absolute
 * value and masks the smallest up to the scheduled sparsity. After every step it multiplies each kernel by its
 * mask, so that pruned weights stay zero whatever the optimizer does.
 *
 * <p>The mask lives in graph variables that this hook adds to the training graph at its first call, so that
 * applying it costs one multiply per weight and no copy to Java. Not thread-safe; one instance per run.
 */
public final class MagnitudePruningHook implements StepHook {

    private static final Logger LOG = Logger.getLogger(MagnitudePruningHook.class);

    private final Map<String, SparsitySchedule> schedules;
    private final Map<String, Placeholder<TFloat32>> maskValues = new LinkedHashMap<>();
    private final Map<String, Op> maskAssigns = new LinkedHashMap<>();
    private Op applyMasks;
    private boolean maskSet;

    /**
     * @param schedules for each variable to prune, such as {@code fc1/kernel}, when its mask is updated and to what
     *     sparsity
     */
    public MagnitudePruningHook(Map<String, SparsitySchedule> schedules) {
        this.schedules = new LinkedHashMap<>(schedules);
    }

    @Override
    public void afterStep(Session session, NetworkGraph network, long step, long totalSteps) {
        if (applyMasks == null) {
            buildMaskOps(network);
        }

        List<String> due = schedules.keySet().stream().filter(name -> schedules.get(name).updatesAt(step)).toList();
        if (!due.isEmpty()) {
            updateMasks(session, network, due, step);
        }

        if (maskSet) {
            session.runner().addTarget(applyMasks).run().close();
        }
    }

    private void buildMaskOps(NetworkGraph network) {
        Map<String, Variable<TFloat32>> variables = network.variables();
        List<Op> applies = new ArrayList<>();
        Ops tf = null;
        for (String name : schedules.keySet()) {
            Variable<TFloat32> kernel = variables.get(name);
            if (kernel == null) {
                throw new IllegalArgumentException("Cannot prune " + name + ": the network has no such variable;"
                        + " it has " + variables.keySet());
            }
            if (tf == null) {
                tf = Ops.create(kernel.env()).withSubScope("pruning");
            }
            Ops scope = tf.withSubScope(name.replace('/', '_'));
            Shape shape = kernel.shape();
            Variable<TFloat32> mask = scope.withName("mask").variable(shape, TFloat32.class);
            Placeholder<TFloat32> value = scope.withName("mask_value").placeholder(TFloat32.class,
                    Placeholder.shape(shape));
            maskValues.put(name, value);
            maskAssigns.put(name, scope.withName("mask_assign").assign(mask, value));
            applies.add(scope.withName("apply").assign(kernel, scope.math.mul(kernel, mask)));
        }
        applyMasks = tf.withControlDependencies(applies).withName("apply_masks").noOp();
    }

    /** Recomputes the masks of {@code kernels} from their current weights, at their sparsity for {@code step}. */
    private void updateMasks(Session session, NetworkGraph network, List<String> kernels, long step) {
        Session.Runner reader = session.runner();
        kernels.forEach(name -> reader.fetch(network.variables().get(name)));
        List<TFloat32> masks = new ArrayList<>();
        try (Result current = reader.run()) {
            Session.Runner writer = session.runner();
            for (int i = 0; i < kernels.size(); i++) {
                TFloat32 kernel = (TFloat32) current.get(i);
                float[] values = new float[Math.toIntExact(kernel.size())];
                kernel.copyTo(DataBuffers.of(values, false, false));
                double sparsity = schedules.get(kernels.get(i)).sparsityAt(step);
                TFloat32 mask = TFloat32.tensorOf(kernel.shape(),
                        DataBuffers.of(MagnitudeMask.compute(values, sparsity), true, false));
                masks.add(mask);
                writer.feed(maskValues.get(kernels.get(i)), mask).addTarget(maskAssigns.get(kernels.get(i)));
            }
            writer.run().close();
        } finally {
            masks.forEach(TFloat32::close);
        }
        maskSet = true;
        LOG.debugf("Pruning masks of %s updated after step %d", kernels, step);
    }
}
