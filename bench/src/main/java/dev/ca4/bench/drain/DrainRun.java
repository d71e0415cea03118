package dev.ca4.bench.drain;

import java.util.List;

/**
 * One drain: {@code events} pre-filled, {@code measuredEvents} of them stored within {@code measuredSeconds}
 * (after the warm-up part), {@code secondHalfEvents} within {@code secondHalfSeconds} (from half stored to all),
 * and the whole drain from the worker's start command (Liberty start included); the stored count once a second;
 * the worker's CPU and collection seconds in the second half (NaN when its metrics did not answer);
 * the archive objects the worker wrote (its ca4_worker_archive_objects_total, one PUT each) and the BSON size of a
 * stored document.
 */
public record DrainRun(boolean archive, int events, long measuredEvents, double measuredSeconds,
                       long secondHalfEvents, double secondHalfSeconds, double secondsFromStart,
                       List<CurvePoint> curve, double secondHalfWorkerCpuSeconds, double secondHalfGcSeconds,
                       double archiveObjects, int documentBytes) {

    /** Documents stored {@code s} seconds after the worker was told to start. */
    public record CurvePoint(double s, long stored) {
    }

    public DrainRun {
        curve = List.copyOf(curve);
    }

    DrainRun(boolean archive, int events, long measuredEvents, double measuredSeconds, long secondHalfEvents,
             double secondHalfSeconds, double secondsFromStart, List<CurvePoint> curve,
             double secondHalfWorkerCpuSeconds, double secondHalfGcSeconds) {
        this(archive, events, measuredEvents, measuredSeconds, secondHalfEvents, secondHalfSeconds, secondsFromStart,
                curve, secondHalfWorkerCpuSeconds, secondHalfGcSeconds, Double.NaN, -1);
    }

    DrainRun withStorage(double objects, int bytes) {
        return new DrainRun(archive, events, measuredEvents, measuredSeconds, secondHalfEvents, secondHalfSeconds,
                secondsFromStart, curve, secondHalfWorkerCpuSeconds, secondHalfGcSeconds, objects, bytes);
    }

    /** The worker's CPU for 1,000 documents stored in the second half. */
    public double workerCpuMsPerThousand() {
        return secondHalfEvents <= 0 ? Double.NaN : secondHalfWorkerCpuSeconds * 1e6 / secondHalfEvents;
    }

    /** The share of the second half the worker spent in collection pauses. */
    public double gcPausePercent() {
        return secondHalfSeconds <= 0 ? Double.NaN : secondHalfGcSeconds * 100 / secondHalfSeconds;
    }

    public double putsPerThousand() {
        return archiveObjects * 1000.0 / events;
    }

    public double documentsPerSecond() {
        return rate(measuredEvents, measuredSeconds);
    }

    /** The rate once the worker's JIT compilers have mostly finished: from half stored to all. */
    public double secondHalfDocumentsPerSecond() {
        return rate(secondHalfEvents, secondHalfSeconds);
    }

    private static double rate(long events, double seconds) {
        return seconds <= 0 ? 0 : events / seconds;
    }
}
