package dev.ca4.worker.api;

import dev.ca4.worker.config.WorkerConfig;
import dev.ca4.worker.kafka.KafkaAdmin;
import dev.ca4.worker.store.LastStored;
import dev.ca4.worker.store.MongoStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Optional;

/** {@code GET /stats}: documents stored, the last one, and records in the dead-letter topic. */
@Path("/stats")
@ApplicationScoped
public class StatsResource {

    @Inject
    MongoStore store;
    @Inject
    LastStored lastStored;
    @Inject
    KafkaAdmin kafka;
    @Inject
    WorkerConfig config;

    public record Stats(long count, @JsonbProperty("last_event_id") String lastEventId,
                        @JsonbProperty("last_stored_at") String lastStoredAt,
                        @JsonbProperty("dlq_count") Long dlqCount,
                        @JsonbProperty("lag") Long lag) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stored count, the last document this worker stored since it started, "
            + "dead-letter count and the group's lag, records not yet committed (both null if Kafka is unreachable)")
    public Stats stats() {
        // The collection's own count (metadata on MongoDB/DocumentDB), not a scan of every document.
        long count = store.collection().estimatedDocumentCount();
        Optional<LastStored.Entry> last = lastStored.get();
        Long dlq;
        try {
            dlq = kafka.recordCount(config.dlqTopic());
        } catch (Exception e) {
            dlq = null;
        }
        Long lag;
        try {
            lag = kafka.groupLag(config.groupId(), config.topic());
        } catch (Exception e) {
            lag = null;
        }
        return new Stats(count, last.map(LastStored.Entry::eventId).orElse(null),
                last.map(e -> e.storedAt().toString()).orElse(null), dlq, lag);
    }
}
