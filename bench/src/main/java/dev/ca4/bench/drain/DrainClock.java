package dev.ca4.bench.drain;

import java.util.function.LongSupplier;

/**
 * Times a drain by polling the stored count; it is started before the worker is, so it sees the count from 0.
 * The clock starts at the first poll that sees at least the warm-up part stored (a fresh worker JVM is still
 * compiling its hot paths before that) and stops when all are stored.
 */
final class DrainClock {
    private static final long POLL_MS = 100;
    private static final long STALL_NS = 120_000_000_000L; // longer than a worker start on a busy machine

    private DrainClock() {
    }

    /**
     * @param startNanos when the worker was told to start
     * @throws IllegalStateException when the count does not move for 120 s
     */
    static DrainRun measure(LongSupplier storedCount, int events, double warmFraction, boolean archive,
                            long startNanos) throws InterruptedException {
        long warmTarget = (long) Math.ceil(events * warmFraction);
        long warmAt = -1;
        long warmCount = 0;
        long last = -1;
        long lastMove = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            long count = storedCount.getAsLong();
            if (warmAt < 0 && count >= warmTarget) {
                warmAt = now;
                warmCount = count;
            }
            if (count >= events) {
                return new DrainRun(archive, events, count - warmCount, (now - warmAt) / 1e9,
                        (now - startNanos) / 1e9);
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
}
