package io.edgeinfer.compression.train;

import io.edgeinfer.compression.eval.StepProgress;

/**
 * A progress bar over all steps of a run, showing the epoch, the step, the running loss and the time left.
 *
 * <p>On a terminal it redraws one line on stderr. Without one, as in CI logs, it logs a line every 15 seconds
 * instead, so that logs are not flooded with carriage returns.
 */
public final class TrainingProgress implements AutoCloseable {

    private final StepProgress bar;
    private final int epochs;

    public TrainingProgress(String task, int epochs, long totalSteps) {
        this.epochs = epochs;
        this.bar = new StepProgress(task, totalSteps, " steps");
    }

    /** Records one finished step. */
    public void step(int epoch, double runningLoss) {
        bar.advance(1, String.format("epoch %d/%d loss %.4f", epoch, epochs, runningLoss));
    }

    @Override
    public void close() {
        bar.close();
    }
}
