package dev.ca4.bench.drain;

/**
 * One drain: {@code events} pre-filled, {@code measuredEvents} of them stored within {@code measuredSeconds}
 * (after the warm-up part), and the whole drain from the worker's start command (Liberty start included); the
 * archive objects the worker wrote (its ca4_worker_archive_objects_total, one PUT each) and the BSON size of a
 * stored document.
 */
public record DrainRun(boolean archive, int events, long measuredEvents, double measuredSeconds,
                       double secondsFromStart, double archiveObjects, int documentBytes) {

    DrainRun(boolean archive, int events, long measuredEvents, double measuredSeconds, double secondsFromStart) {
        this(archive, events, measuredEvents, measuredSeconds, secondsFromStart, Double.NaN, -1);
    }

    DrainRun withStorage(double objects, int bytes) {
        return new DrainRun(archive, events, measuredEvents, measuredSeconds, secondsFromStart, objects, bytes);
    }

    public double putsPerThousand() {
        return archiveObjects * 1000.0 / events;
    }

    public double documentsPerSecond() {
        return measuredSeconds <= 0 ? 0 : measuredEvents / measuredSeconds;
    }
}
