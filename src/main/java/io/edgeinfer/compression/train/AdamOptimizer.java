package io.edgeinfer.compression.train;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", 2015) built from TensorFlow's ApplyAdam
 * kernel.
 *
 * <p>TensorFlow Java's own {@code Adam} fixes the learning rate when the graph is built. Here it is an operand,
 * usually a placeholder, so a schedule can change it at every step.
 */
final class AdamOptimizer {

    static final float BETA_1 = 0.9f;
    static final float BETA_2 = 0.999f;
    static final float EPSILON = 1e-7f;

    private AdamOptimizer() {
    }

    /** Returns an op that takes one Adam step on {@code variables} to reduce {@code loss}. */
    static Op minimize(Ops tf, Operand<TFloat32> loss, List<Variable<TFloat32>> variables,
            Operand<TFloat32> learningRate) {
        Ops scope = tf.withSubScope("adam");
        Gradients gradients = scope.gradients(loss, variables);
        Variable<TFloat32> beta1Power = scope.withName("beta1_power").variable(scope.constant(BETA_1));
        Variable<TFloat32> beta2Power = scope.withName("beta2_power").variable(scope.constant(BETA_2));
        Operand<TFloat32> beta1 = scope.constant(BETA_1);
        Operand<TFloat32> beta2 = scope.constant(BETA_2);
        Operand<TFloat32> epsilon = scope.constant(EPSILON);

        // Every update waits for every gradient. Without this, TensorFlow may run a layer's update while the
        // backward pass still reads that layer's weights to compute earlier layers' gradients, because ref
        // variables are read in place, and the gradients then depend on thread timing.
        List<Op> gradientOps = new ArrayList<>();
        for (Output<?> gradient : gradients.dy()) {
            gradientOps.add(scope.identity(gradient));
        }
        Ops afterGradients = scope.withControlDependencies(gradientOps);

        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            Variable<TFloat32> variable = variables.get(i);
            Variable<TFloat32> firstMoment = scope.variable(scope.zeros(
                    scope.constant(variable.shape().asArray()), TFloat32.class));
            Variable<TFloat32> secondMoment = scope.variable(scope.zeros(
                    scope.constant(variable.shape().asArray()), TFloat32.class));
            updates.add(afterGradients.train.applyAdam(variable, firstMoment, secondMoment, beta1Power, beta2Power,
                    learningRate, beta1, beta2, epsilon, gradients.<TFloat32>dy(i)));
        }

        Ops afterUpdates = scope.withControlDependencies(updates);
        Op nextBeta1 = afterUpdates.assign(beta1Power, afterUpdates.math.mul(beta1Power, beta1));
        Op nextBeta2 = afterUpdates.assign(beta2Power, afterUpdates.math.mul(beta2Power, beta2));
        return scope.withControlDependencies(List.of(nextBeta1, nextBeta2)).withName("step").noOp();
    }
}
