package io.edgeinfer.compression.eval;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jboss.logging.Logger;

/**
 * A progress bar for toolkit work other than training, such as timing layers or measuring variants.
 *
 * <p>On a terminal it redraws one line on stderr. Without one, as in CI logs, it logs a line every 15 seconds
 * instead.
 */
public final class StepProgress implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StepProgress.class);

    private static final int MAX_LINE_LENGTH = 150;

    private final ProgressBar bar;

    /**
     * @param task the label in front of the bar
     * @param total the number of steps
     * @param unit what one step is, such as {@code " runs"}
     */
    public StepProgress(String task, long total, String unit) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(unit, 1)
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

    /** Records {@code steps} finished steps and shows {@code message} after the bar. */
    public void advance(long steps, String message) {
        bar.stepBy(steps);
        bar.setExtraMessage(" " + message);
    }

    @Override
    public void close() {
        bar.close();
    }
}
