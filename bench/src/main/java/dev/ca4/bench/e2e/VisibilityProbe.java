package dev.ca4.bench.e2e;

import org.HdrHistogram.Histogram;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Measures "readable" directly for a sample of events: every {@link #POLL_MS} ms it asks the store which of the
 * watched ids it holds, in <b>one</b> query, and records now − intended send time for each found. A sample only,
 * and one read per tick, so that the probe does not load the store it measures (one find per watched id made
 * ~1,000 reads/s at 500 events/s; bench/README.md). The worker's own latency_ms.end_to_end covers every event, but
 * only until its commit starts.
 */
public final class VisibilityProbe implements AutoCloseable {
    static final long POLL_MS = 20;
    private static final long MAX_MS = TimeUnit.MINUTES.toMillis(10);

    private final Function<Collection<String>, Set<String>> readable;
    private final Map<String, Long> watched = new ConcurrentHashMap<>();
    private final Histogram millis = new Histogram(MAX_MS, 3);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ca4-bench-visibility-probe");
        t.setDaemon(true);
        return t;
    });

    VisibilityProbe(Function<Collection<String>, Set<String>> readable) {
        this(readable, POLL_MS);
    }

    public VisibilityProbe(Function<Collection<String>, Set<String>> readable, long pollMs) {
        this.readable = readable;
        timer.scheduleWithFixedDelay(this::poll, pollMs, pollMs, TimeUnit.MILLISECONDS);
    }

    /** Starts watching an accepted event; {@code intendedNanos} is its scheduled send time. */
    public void watch(String eventId, long intendedNanos) {
        watched.put(eventId, intendedNanos);
    }

    public int pending() {
        return watched.size();
    }

    void poll() {
        if (watched.isEmpty()) {
            return;
        }
        Set<String> found = readable.apply(Set.copyOf(watched.keySet()));
        long now = System.nanoTime();
        for (String id : found) {
            Long intended = watched.remove(id);
            if (intended != null) {
                long ms = Math.min(MAX_MS, (now - intended) / 1_000_000);
                synchronized (millis) {
                    millis.recordValue(ms);
                }
            }
        }
    }

    public Histogram snapshot() {
        synchronized (millis) {
            return millis.copy();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
