package dev.ca4.worker.health;

import dev.ca4.worker.archive.Archiver;
import dev.ca4.worker.archive.SegmentStore;
import dev.ca4.worker.sink.SegmentSink;
import dev.ca4.worker.store.MongoStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the store answers, the archive bucket (when on) answers, and the last write succeeded. */
@Readiness
@ApplicationScoped
public class StoreReadinessCheck implements HealthCheck {

    @Inject
    MongoStore store;
    @Inject
    Archiver archiver;
    @Inject
    SegmentSink writer;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named("store").withData("pending", writer.pending());
        try {
            store.ping();
            archiver.segments().ifPresent(SegmentStore::check);
        } catch (RuntimeException e) {
            return r.down().withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
        String failure = writer.failure();
        return failure == null ? r.up().build() : r.down().withData("error", failure).build();
    }
}
