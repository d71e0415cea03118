package dev.ca4.worker.sink;

import dev.ca4.worker.archive.Archiver;
import dev.ca4.worker.archive.RowPlacement;
import dev.ca4.worker.archive.SegmentStore;
import dev.ca4.worker.config.WorkerConfig;
import dev.ca4.worker.decode.DecodedSegment;
import dev.ca4.worker.decode.RecordDecoder;
import dev.ca4.worker.deadletter.DeadLetterPolicy;
import dev.ca4.worker.deadletter.DeadLetterReporter;
import dev.ca4.worker.metrics.WorkerMetrics;
import dev.ca4.worker.record.ConsumedRecord;
import dev.ca4.worker.record.DeadLetterReason;
import dev.ca4.worker.segment.Segment;
import dev.ca4.worker.store.BulkOutcome;
import dev.ca4.worker.store.BulkWriter;
import dev.ca4.worker.store.LastStored;
import dev.ca4.worker.transform.DocumentTransforms;
import dev.ca4.worker.transform.WriteStamp;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The work of one sealed segment, in the order that loses nothing: decoded (once); its dead letters to the DLQ;
 * each run of its rows to the archive (one object) and then to the store (one bulk write), each document pointing
 * at its row; then every record is acknowledged. Any infrastructure failure is thrown before an
 * acknowledgement, and the caller retries; every step is idempotent.
 */
@ApplicationScoped
public class SegmentCommitter {
    private static final Logger LOG = Logger.getLogger(SegmentCommitter.class.getName());

    @Inject
    WorkerConfig config;
    @Inject
    DeadLetterReporter deadLetters;
    @Inject
    Archiver archiver;
    @Inject
    BulkWriter bulkWriter;
    @Inject
    WorkerMetrics metrics;
    @Inject
    LastStored lastStored;

    private RecordDecoder decoder;

    @PostConstruct
    void init() {
        decoder = new RecordDecoder(new DocumentTransforms(config.workerVersion(), config.embeddingFormat()));
    }

    /** Parses, validates and transforms the segment's records; pure, so a retried commit does not repeat it. */
    DecodedSegment decode(Segment segment) {
        return DecodedSegment.decode(decoder, segment.records());
    }

    /** Publishes and acknowledges the segment's dead letters. */
    void deadLetter(DecodedSegment segment) {
        for (ConsumedRecord r : segment.deadLetters()) {
            deadLetter(r, r.deadLetter());
        }
    }

    /** Archives and stores one run of a segment's rows (one embedding dimension) and acknowledges them. */
    void store(List<ConsumedRecord> rows) {
        long start = System.nanoTime();
        Instant sealedAt = Instant.now();
        List<Document> docs = new ArrayList<>(rows.size());
        Optional<SegmentStore> archive = archiver.segments();
        if (archive.isPresent()) {
            List<RowPlacement> placements = archive.get().write(rows, sealedAt);
            // rows sealed now were PUT now; rows with an earlier seal time point into an object already there
            metrics.archiveObjects((int) placements.stream().filter(p -> p.sealedAt().equals(sealedAt))
                    .map(RowPlacement::key).distinct().count());
            for (int i = 0; i < rows.size(); i++) {
                RowPlacement p = placements.get(i);
                docs.add(WriteStamp.archived(stamp(rows.get(i), p.sealedAt()), archive.get().bucket(), p.key(),
                        p.row()));
            }
        } else {
            rows.forEach(r -> docs.add(stamp(r, sealedAt)));
        }
        BulkOutcome outcome = bulkWriter.write(docs);
        List<DeadLetterReason> refused = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            BulkOutcome.WriteError error = outcome.errors().get(i);
            refused.add(error == null ? null : DeadLetterPolicy.storeError(error.code(), error.message())
                    .orElseThrow(() -> new StoreWriteException(error)));
        }
        metrics.storeLatency(System.nanoTime() - start, rows.size());
        Instant now = Instant.now();
        for (int i = 0; i < rows.size(); i++) {
            ConsumedRecord r = rows.get(i);
            if (refused.get(i) != null) {
                deadLetter(r, refused.get(i));
            } else if (outcome.inserted().contains(i)) {
                r.ack().run();
                metrics.stored(1);
                metrics.endToEnd(Duration.between(r.event().producedAt(), now));
                lastStored.record(r.event().eventId(), now);
            } else {
                r.ack().run();
                metrics.duplicates(1);
                LOG.info("duplicate event_id=" + r.event().eventId() + " from " + r.origin() + " already stored");
            }
        }
    }

    void failedAttempt() {
        metrics.storeError();
    }

    private static Document stamp(ConsumedRecord r, Instant sealedAt) {
        return WriteStamp.apply(r.document(), r.event(), sealedAt);
    }

    private void deadLetter(ConsumedRecord r, DeadLetterReason reason) {
        deadLetters.report(r.origin(), r.raw(), reason).toCompletableFuture().join();
        r.ack().run();
    }

    /** A per-document store error that is not a data error: the segment is retried. */
    static final class StoreWriteException extends RuntimeException {
        StoreWriteException(BulkOutcome.WriteError e) {
            super("store error code " + e.code() + ": " + e.message());
        }
    }
}
