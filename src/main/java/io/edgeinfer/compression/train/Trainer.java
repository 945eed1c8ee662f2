package io.edgeinfer.compression.train;

import io.edgeinfer.compression.arch.NetworkGraph;
import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.arch.WeightSet;
import io.edgeinfer.compression.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Trains a {@link NetworkSpec} on a labelled data set with cross-entropy loss and Adam, in graph mode.
 *
 * <p>Each call builds and closes its own graph and session, so calls do not share state.
 */
public final class Trainer {

    private static final Logger LOG = Logger.getLogger(Trainer.class);

    /** The trained weights and one report per epoch. */
    public record Outcome(WeightSet weights, List<EpochReport> epochs) {
    }

    private Trainer() {
    }

    /**
     * Trains from {@code initial} weights.
     *
     * @param evaluation a data set to report accuracy on after each epoch, or null to skip it. It never steers
     *     training
     */
    public static Outcome train(NetworkSpec spec, WeightSet initial, Dataset training, Dataset evaluation,
            TrainingConfig config, String task) {
        return train(spec, initial, training, evaluation, config, task, TrainingOptions.DEFAULT);
    }

    /** Trains with a technique's own objective and step hook. */
    public static Outcome train(NetworkSpec spec, WeightSet initial, Dataset training, Dataset evaluation,
            TrainingConfig config, String task, TrainingOptions options) {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> images = tf.withName("input").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, spec.height(), spec.width(), spec.channels())));
            Placeholder<TInt32> labels = tf.withName("labels").placeholder(TInt32.class,
                    Placeholder.shape(Shape.of(-1)));
            PlaceholderWithDefault<TFloat32> trainingPhase = tf.withName("training_phase")
                    .placeholderWithDefault(tf.constant(0f), Shape.scalar());
            Placeholder<TFloat32> learningRate = tf.withName("learning_rate").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.scalar()));

            NetworkGraph network = NetworkGraph.build(tf, spec, images, NetworkGraph.Mode.TRAINING, trainingPhase,
                    config.seed());
            Operand<TFloat32> loss = options.objective().loss(tf, network.logits(), labels, spec.classes());
            List<Op> stepOps = new ArrayList<>(network.statisticsUpdates());
            stepOps.add(AdamOptimizer.minimize(tf, loss, network.trainableVariables(), learningRate));
            Op step = tf.withControlDependencies(stepOps).withName("train_step").noOp();

            try (Session session = new Session(graph)) {
                network.assign(session, initial);
                StepRunner runner = new StepRunner(session, images, labels, trainingPhase, learningRate, loss, step,
                        options.objective());
                List<EpochReport> reports = runEpochs(training, evaluation, config, task, runner, session, network,
                        options.stepHook());
                return new Outcome(network.read(session), reports);
            }
        }
    }

    private static List<EpochReport> runEpochs(Dataset training, Dataset evaluation, TrainingConfig config,
            String task, StepRunner runner, Session session, NetworkGraph network, StepHook hook) {
        BatchSampler sampler = new BatchSampler(training, config.batchSize(), config.flipAugmentation(),
                config.seed() + 1);
        long totalSteps = (long) sampler.batchesPerEpoch() * config.epochs();
        List<EpochReport> reports = new ArrayList<>();
        long stepIndex = 0;
        try (TrainingProgress progress = new TrainingProgress(task, config.epochs(), totalSteps)) {
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                long start = System.nanoTime();
                sampler.shuffle();
                double lossSum = 0;
                for (int b = 0; b < sampler.batchesPerEpoch(); b++) {
                    float rate = config.learningRateAt(stepIndex, totalSteps);
                    lossSum += runner.step(sampler.next(), rate);
                    hook.afterStep(session, network, stepIndex, totalSteps);
                    stepIndex++;
                    progress.step(epoch, lossSum / (b + 1));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double accuracy = evaluation == null ? Double.NaN
                        : Evaluator.accuracy(session, runner.images(), network.logits(), evaluation);
                reports.add(new EpochReport(epoch, lossSum / sampler.batchesPerEpoch(), seconds, accuracy));
                LOG.infof("%s epoch %d/%d: loss %.4f, %.1f s, eval accuracy %.4f", task, epoch, config.epochs(),
                        lossSum / sampler.batchesPerEpoch(), seconds, accuracy);
            }
        }
        return reports;
    }

    /** Feeds one batch and runs one optimizer step. */
    private record StepRunner(Session session, Placeholder<TFloat32> images, Placeholder<TInt32> labels,
            PlaceholderWithDefault<TFloat32> trainingPhase, Placeholder<TFloat32> learningRate,
            Operand<TFloat32> loss, Op step, Objective objective) {

        double step(BatchSampler.Batch batch, float rate) {
            long[] imageShape = images.shape().asArray();
            imageShape[0] = batch.size();
            List<Tensor> extra = new ArrayList<>();
            try (TFloat32 x = TFloat32.tensorOf(Shape.of(imageShape), DataBuffers.of(batch.images(), true, false));
                    TInt32 y = TInt32.tensorOf(Shape.of(batch.size()), DataBuffers.of(batch.labels(), true, false));
                    TFloat32 phase = TFloat32.scalarOf(1f);
                    TFloat32 lr = TFloat32.scalarOf(rate)) {
                Session.Runner runner = session.runner().feed(images, x).feed(labels, y).feed(trainingPhase, phase)
                        .feed(learningRate, lr);
                objective.feed(runner, batch, extra);
                try (Result result = runner.addTarget(step).fetch(loss).run()) {
                    return ((TFloat32) result.get(0)).getFloat();
                }
            } finally {
                extra.forEach(Tensor::close);
            }
        }
    }
}
