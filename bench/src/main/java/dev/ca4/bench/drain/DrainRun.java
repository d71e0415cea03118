package dev.ca4.bench.drain;

/**
 * One drain: {@code events} pre-filled, {@code measuredEvents} of them stored within {@code measuredSeconds}
 * (after the warm-up part), and the whole drain from the worker's start command (Liberty start included).
 */
public record DrainRun(boolean archive, int events, long measuredEvents, double measuredSeconds,
                       double secondsFromStart) {

    public double documentsPerSecond() {
        return measuredSeconds <= 0 ? 0 : measuredEvents / measuredSeconds;
    }
}
