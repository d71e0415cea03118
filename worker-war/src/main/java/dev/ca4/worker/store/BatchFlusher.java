package dev.ca4.worker.store;

import dev.ca4.worker.archive.Archiver;
import dev.ca4.worker.consume.PendingWrite;
import dev.ca4.worker.deadletter.DeadLetterReason;
import dev.ca4.worker.deadletter.DeadLetterReporter;
import dev.ca4.worker.metrics.WorkerMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.logging.Logger;

/**
 * Does the work of one batch: dead letters first, then archive (when on), one bulk upsert, then acknowledges
 * each record whose writes all succeeded. Throws on any infrastructure error so the whole batch is retried.
 */
@ApplicationScoped
public class BatchFlusher {
    private static final Logger LOG = Logger.getLogger(BatchFlusher.class.getName());

    @Inject
    BulkWriter bulkWriter;
    @Inject
    Archiver archiver;
    @Inject
    DeadLetterReporter deadLetters;
    @Inject
    WorkerMetrics metrics;
    @Inject
    LastStored lastStored;

    /** Records finished (acknowledged) are removed from {@code batch}, so a retry redoes only the rest. */
    void flush(List<PendingWrite> batch) {
        List<PendingWrite> finished = new ArrayList<>(batch.size());
        try {
            flush(batch, finished);
        } finally {
            batch.removeAll(finished);
        }
    }

    private void flush(List<PendingWrite> batch, List<PendingWrite> finished) {
        List<PendingWrite> toStore = new ArrayList<>(batch.size());
        for (PendingWrite w : batch) {
            if (w.isDeadLetter()) {
                deadLetter(w, w.deadLetter());
                finished.add(w);
            } else {
                toStore.add(w);
            }
        }
        if (toStore.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        if (archiver.enabled()) {
            archiver.archive(toStore);
        }
        Instant storedAt = Instant.now();
        List<Document> docs = new ArrayList<>(toStore.size());
        for (PendingWrite w : toStore) {
            docs.add(stamp(w, storedAt));
        }
        BulkOutcome outcome = bulkWriter.write(docs);
        metrics.storeLatency(System.nanoTime() - start, docs.size());
        for (int i = 0; i < toStore.size(); i++) {
            PendingWrite w = toStore.get(i);
            String refused = outcome.dataErrors().get(i);
            if (refused != null) {
                deadLetter(w, DeadLetterReason.storeRefused(refused));
                finished.add(w);
                continue;
            }
            w.message().ack();
            finished.add(w);
            if (outcome.inserted().contains(i)) {
                metrics.stored(1);
                lastStored.record(w.event().eventId(), storedAt);
                metrics.endToEnd(Duration.between(w.event().producedAt(), storedAt));
                LOG.fine(() -> "stored event_id=" + w.event().eventId() + " from " + w.origin());
            } else {
                metrics.duplicates(1);
                LOG.info("duplicate event_id=" + w.event().eventId() + " from " + w.origin() + " already stored");
            }
        }
    }

    void failedAttempt() {
        metrics.storeError();
    }

    private void deadLetter(PendingWrite w, DeadLetterReason reason) {
        deadLetters.report(w.origin(), w.raw(), reason).toCompletableFuture().join();
        w.message().ack();
    }

    private static Document stamp(PendingWrite w, Instant storedAt) {
        Document doc = w.document();
        doc.put("stored_at", Date.from(storedAt));
        Document latency = new Document("end_to_end", Duration.between(w.event().producedAt(), storedAt).toMillis());
        if (w.event().receivedAt() != null) {
            latency.append("ingest", Duration.between(w.event().producedAt(), w.event().receivedAt()).toMillis())
                    .append("pipeline", Duration.between(w.event().receivedAt(), storedAt).toMillis());
        }
        doc.put("latency_ms", latency);
        return doc;
    }
}
