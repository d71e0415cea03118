package dev.ca4.worker.restore;

import com.mongodb.client.MongoCollection;
import dev.ca4.worker.archive.SegmentFormat;
import dev.ca4.worker.archive.SegmentStore;
import dev.ca4.worker.decode.RecordDecoder;
import dev.ca4.worker.deadletter.DeadLetterPolicy;
import dev.ca4.worker.record.ConsumedRecord;
import dev.ca4.worker.record.RecordOrigin;
import dev.ca4.worker.store.BulkOutcome;
import dev.ca4.worker.store.BulkWriter;
import dev.ca4.worker.transform.DocumentTransforms;
import dev.ca4.worker.transform.EmbeddingFormat;
import dev.ca4.worker.transform.WriteStamp;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds the collection from the archive (docs/archive-segments.md, {@code make restore}): every row of every
 * segment becomes the document the worker stored for it (same decoder, same transforms, the seal time and worker
 * version the object was stored with), written insert-if-absent, so a restore can be repeated or run over a
 * collection that still holds some documents. A row the store refuses for good is counted, not fatal; anything
 * else (store or S3 unreachable, an object that is no segment) stops the restore with its reason.
 */
public final class ArchiveRestore {

    /** What a restore did. */
    public record Result(int segments, long rows, long inserted, long alreadyPresent, long refused) {
    }

    /** Told about progress; the CLI draws a bar with it. */
    public interface Progress {
        void start(int segments);

        void segmentDone(String key, int rows);
    }

    private final SegmentStore segments;
    private final MongoCollection<Document> collection;
    private final EmbeddingFormat embeddingFormat;

    public ArchiveRestore(SegmentStore segments, MongoCollection<Document> collection, EmbeddingFormat embeddingFormat) {
        this.segments = segments;
        this.collection = collection;
        this.embeddingFormat = embeddingFormat;
    }

    /** Restores every segment under {@code prefix} ({@code segments/} for all, {@code segments/2026/12/} a month). */
    public Result run(String prefix, Progress progress) {
        List<String> keys = segments.list(prefix).map(o -> o.key()).toList();
        progress.start(keys.size());
        long rows = 0;
        long inserted = 0;
        long present = 0;
        long refused = 0;
        for (String key : keys) {
            List<Document> docs = documents(segments.read(key));
            BulkOutcome outcome = BulkWriter.write(collection, docs);
            for (int i = 0; i < docs.size(); i++) {
                BulkOutcome.WriteError error = outcome.errors().get(i);
                if (error != null) {
                    DeadLetterPolicy.storeError(error.code(), error.message()).orElseThrow(() -> new IllegalStateException(
                            "store error on " + key + " row: code " + error.code() + ", " + error.message()));
                    refused++;
                } else if (outcome.inserted().contains(i)) {
                    inserted++;
                } else {
                    present++;
                }
            }
            rows += docs.size();
            progress.segmentDone(key, docs.size());
        }
        return new Result(keys.size(), rows, inserted, present, refused);
    }

    /** The documents of one segment object, as the worker stored them. */
    List<Document> documents(SegmentStore.StoredSegment stored) {
        SegmentFormat.ArchivedSegment s = SegmentFormat.decode(stored.bytes());
        RecordDecoder decoder = new RecordDecoder(new DocumentTransforms(stored.workerVersion(), embeddingFormat));
        List<Document> docs = new ArrayList<>(s.manifest().rows());
        for (int row = 0; row < s.manifest().rows(); row++) {
            byte[] event = s.event(row).toString().getBytes(StandardCharsets.UTF_8);
            RecordOrigin origin = new RecordOrigin(s.manifest().topic(), s.manifest().partition(),
                    s.manifest().offsets().get(row), null);
            ConsumedRecord r = decoder.decode(origin, s.manifest().timestamps().get(row), event, () -> { });
            if (r.isDeadLetter()) {
                throw new IllegalStateException("row " + row + " of " + stored.key() + " does not decode: "
                        + r.deadLetter().message());
            }
            docs.add(WriteStamp.archived(WriteStamp.apply(r.document(), r.event(), stored.sealedAt()),
                    segments.bucket(), stored.key(), row));
        }
        return docs;
    }
}
