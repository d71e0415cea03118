package dev.ca4.producer.run;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;

/**
 * Shows how far a run is: a progress bar (images/s, sent, failed) on a terminal; otherwise a plain line at most
 * every {@code logEverySeconds}, which reads well in CI logs and notebooks.
 */
public final class Progress implements AutoCloseable {

    private final RunStats stats;
    private final ProgressBar bar;
    private final PrintStream log;
    private final long logEveryNanos;
    private final long start = System.nanoTime();
    private long lastLog = System.nanoTime();
    private int lastLogged = -1;
    private final int total;

    private Progress(RunStats stats, int total, ProgressBar bar, PrintStream log, long logEverySeconds) {
        this.stats = stats;
        this.total = total;
        this.bar = bar;
        this.log = log;
        this.logEveryNanos = logEverySeconds * 1_000_000_000L;
    }

    public static Progress bar(RunStats stats, int total, PrintStream out) {
        ProgressBar bar = new ProgressBarBuilder().setTaskName("images").setInitialMax(total)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setSpeedUnit(ChronoUnit.SECONDS).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(out)).setUpdateIntervalMillis(250).build();
        return new Progress(stats, total, bar, null, 0);
    }

    public static Progress lines(RunStats stats, int total, PrintStream out, long everySeconds) {
        return new Progress(stats, total, null, out, everySeconds);
    }

    /** Called after every change of the stats. */
    public synchronized void update() {
        int done = stats.done();
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage("sent " + stats.sent() + ", failed " + stats.problems());
        } else if (done != lastLogged && (System.nanoTime() - lastLog >= logEveryNanos || done == total)) {
            lastLog = System.nanoTime();
            lastLogged = done;
            double s = (lastLog - start) / 1e9;
            log.printf("progress: %d/%d images, %.2f images/s, sent %d, failed %d%n", done, total,
                    s > 0 ? done / s : 0, stats.sent(), stats.problems());
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
