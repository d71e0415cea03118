package dev.ca4.worker.api;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.ca4.worker.config.WorkerConfig;
import dev.ca4.worker.health.KafkaAdmin;
import dev.ca4.worker.store.MongoStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.Date;

/** {@code GET /stats}: documents stored, the last one, and records in the dead-letter topic. */
@Path("/stats")
@ApplicationScoped
public class StatsResource {

    @Inject
    MongoStore store;
    @Inject
    KafkaAdmin kafka;
    @Inject
    WorkerConfig config;

    public record Stats(long count, @JsonbProperty("last_event_id") String lastEventId,
                        @JsonbProperty("last_stored_at") String lastStoredAt,
                        @JsonbProperty("dlq_count") Long dlqCount) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stored count, last stored document, dead-letter count (null if Kafka is unreachable)")
    public Stats stats() {
        // The collection's own count (metadata on MongoDB/DocumentDB), not a scan of every document.
        long count = store.collection().estimatedDocumentCount();
        Document last = store.collection().find().sort(Sorts.descending("stored_at"))
                .projection(Projections.include("stored_at")).limit(1).first();
        Long dlq;
        try {
            dlq = kafka.recordCount(config.dlqTopic());
        } catch (Exception e) {
            dlq = null;
        }
        return new Stats(count, last == null ? null : last.getString("_id"),
                last == null ? null : Instant.ofEpochMilli(last.get("stored_at", Date.class).getTime()).toString(),
                dlq);
    }
}
