package io.edgeinfer.compression.train;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jboss.logging.Logger;

/**
 * A progress bar over all steps of a run, showing the epoch, the step, the running loss and the time left.
 *
 * <p>On a terminal it redraws one line on stderr. Without one, as in CI logs, it logs a line every 15 seconds
 * instead, so that logs are not flooded with carriage returns.
 */
public final class TrainingProgress implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TrainingProgress.class);

    private static final int MAX_LINE_LENGTH = 150;

    private final ProgressBar bar;
    private final int epochs;

    public TrainingProgress(String task, int epochs, long totalSteps) {
        this.epochs = epochs;
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(totalSteps)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" steps", 1)
                .setMaxRenderedLength(MAX_LINE_LENGTH)
                .showSpeed();
        if (System.console() == null) {
            builder.setConsumer(new DelegatingProgressBarConsumer(LOG::info, MAX_LINE_LENGTH))
                    .setUpdateIntervalMillis(15_000);
        } else {
            builder.setUpdateIntervalMillis(500);
        }
        this.bar = builder.build();
    }

    /** Records one finished step. */
    public void step(int epoch, double runningLoss) {
        bar.step();
        bar.setExtraMessage(String.format(" epoch %d/%d loss %.4f", epoch, epochs, runningLoss));
    }

    @Override
    public void close() {
        bar.close();
    }
}
