package dev.ca4.bench.e2e;

import java.time.Instant;

/**
 * When each request of an open-loop run is meant to be sent: request i at {@code start + i / rate}, fixed before
 * the run and independent of how fast the server answers. Latency is measured from this intended time, so a
 * stalled sender or server shows up in the figures instead of silently lowering the offered rate (coordinated
 * omission).
 *
 * @param startNanos {@link System#nanoTime()} of request 0
 * @param startWall  the wall-clock time of request 0 (produced_at is wall-clock, compared by the worker)
 */
public record OpenLoopSchedule(long startNanos, Instant startWall, double ratePerSecond, int count) {

    public OpenLoopSchedule {
        if (ratePerSecond <= 0 || count < 0) {
            throw new IllegalArgumentException("rate must be positive and count not negative");
        }
    }

    public static OpenLoopSchedule of(double ratePerSecond, double seconds, long startNanos, Instant startWall) {
        return new OpenLoopSchedule(startNanos, startWall, ratePerSecond, (int) Math.round(ratePerSecond * seconds));
    }

    /** Offset of request i from the start, nanoseconds (computed from i, so no rounding error accumulates). */
    public long offsetNanos(int i) {
        return Math.round(i * 1e9 / ratePerSecond);
    }

    public long intendedNanos(int i) {
        return startNanos + offsetNanos(i);
    }

    public Instant intendedWall(int i) {
        return startWall.plusNanos(offsetNanos(i));
    }
}
