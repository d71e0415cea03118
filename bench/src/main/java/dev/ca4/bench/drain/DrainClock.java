package dev.ca4.bench.drain;

import dev.ca4.bench.pipeline.WorkerControl.WorkerUsage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Times a drain by polling the stored count; it is started before the worker is, so it sees the count from 0.
 * The clock starts at the first poll that sees at least the warm-up part stored (a fresh worker JVM is still
 * compiling its hot paths before that) and stops when all are stored. It also times the second half alone (from
 * the first poll that sees half stored), where the worker's compilers have mostly finished, and keeps the stored
 * count once a second: the drain's curve. The worker's CPU and collection time are read at half stored and at the
 * end: what the second half cost the worker itself, a figure the other processes' share of the cores does not move.
 */
final class DrainClock {
    private static final long POLL_MS = 100;
    private static final long CURVE_NS = 1_000_000_000L;
    private static final long STALL_NS = 120_000_000_000L; // longer than a worker start on a busy machine

    private DrainClock() {
    }

    /**
     * @param startNanos when the worker was told to start
     * @throws IllegalStateException when the count does not move for 120 s
     */
    static DrainRun measure(LongSupplier storedCount, Supplier<WorkerUsage> usage, int events, double warmFraction,
                            boolean archive, long startNanos) throws InterruptedException {
        Mark warm = new Mark((long) Math.ceil(events * warmFraction));
        Mark half = new Mark((long) Math.ceil(events * 0.5));
        List<DrainRun.CurvePoint> curve = new ArrayList<>();
        long nextCurveAt = startNanos;
        WorkerUsage atHalf = null;
        long last = -1;
        long lastMove = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            long count = storedCount.getAsLong();
            warm.see(now, count);
            if (half.see(now, count)) {
                atHalf = usage.get();
            }
            if (now >= nextCurveAt || count >= events) {
                curve.add(new DrainRun.CurvePoint((now - startNanos) / 1e9, count));
                nextCurveAt += CURVE_NS;
            }
            if (count >= events) {
                WorkerUsage secondHalf = usage.get().minus(atHalf);
                return new DrainRun(archive, events, count - warm.count, (now - warm.at) / 1e9,
                        count - half.count, (now - half.at) / 1e9, (now - startNanos) / 1e9, curve,
                        secondHalf.cpuSeconds(), secondHalf.gcSeconds());
            }
            if (count != last) {
                last = count;
                lastMove = now;
            } else if (now - lastMove > STALL_NS) {
                throw new IllegalStateException("drain stalled at " + count + " of " + events + " documents");
            }
            Thread.sleep(POLL_MS);
        }
    }

    /** The first poll that saw at least {@code target} stored. */
    private static final class Mark {
        private final long target;
        private long at = -1;
        private long count;

        Mark(long target) {
            this.target = target;
        }

        /** True at the first poll that reaches the target. */
        boolean see(long now, long stored) {
            if (at < 0 && stored >= target) {
                at = now;
                count = stored;
                return true;
            }
            return false;
        }
    }
}
