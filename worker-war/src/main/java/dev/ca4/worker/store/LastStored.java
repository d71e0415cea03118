package dev.ca4.worker.store;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The newest document this worker stored since it started, for {@code /stats}. Kept in memory because
 * asking the store means a sort on stored_at, which the local Mongo-compatible server (no secondary
 * indexes) answers by loading every document.
 */
@ApplicationScoped
public class LastStored {

    public record Entry(String eventId, Instant storedAt) {
    }

    private final AtomicReference<Entry> last = new AtomicReference<>();

    public void record(String eventId, Instant storedAt) {
        last.set(new Entry(eventId, storedAt));
    }

    public Optional<Entry> get() {
        return Optional.ofNullable(last.get());
    }
}
