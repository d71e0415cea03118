package dev.ca4.bench.e2e;

import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Measures "readable" directly for a sample of events: every {@link #POLL_MS} ms it looks each watched id up by
 * _id and, once found, records now − intended send time. A sample only, to keep the extra reads on the store
 * small; the worker's own latency_ms.end_to_end covers every event.
 */
final class VisibilityProbe implements AutoCloseable {
    static final long POLL_MS = 20;
    private static final long MAX_MS = TimeUnit.MINUTES.toMillis(10);

    private final Predicate<String> readable;
    private final Map<String, Long> watched = new ConcurrentHashMap<>();
    private final Histogram millis = new Histogram(MAX_MS, 3);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ca4-bench-visibility-probe");
        t.setDaemon(true);
        return t;
    });

    VisibilityProbe(Predicate<String> readable) {
        this.readable = readable;
        timer.scheduleWithFixedDelay(this::poll, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
    }

    /** Starts watching an accepted event; {@code intendedNanos} is its scheduled send time. */
    void watch(String eventId, long intendedNanos) {
        watched.put(eventId, intendedNanos);
    }

    int pending() {
        return watched.size();
    }

    private void poll() {
        for (Map.Entry<String, Long> e : watched.entrySet()) {
            if (readable.test(e.getKey())) {
                long ms = Math.min(MAX_MS, (System.nanoTime() - e.getValue()) / 1_000_000);
                synchronized (millis) {
                    millis.recordValue(ms);
                }
                watched.remove(e.getKey());
            }
        }
    }

    Histogram snapshot() {
        synchronized (millis) {
            return millis.copy();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
